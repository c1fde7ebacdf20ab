package dev.mostrador.rewards.offers;

import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.rewards.common.RewardsApiSupport;
import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.QueryParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Reward offers over /api/v1/rewards: the JSON twin of the offers' pages. */
public final class RewardOfferApi {
    private static final Messages EN = Messages.of("en");
    private final RewardOfferRepository offers;
    private final AvailableOffers available;
    private final MerchantRepository merchants;
    private final RewardsApiSupport support;

    public RewardOfferApi(RewardOfferRepository offers, AvailableOffers available, MerchantRepository merchants, RewardsApiSupport support) {
        this.offers = offers;
        this.available = available;
        this.merchants = merchants;
        this.support = support;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/offers", this::listOffers, Role.STAFF)
                .post(base + "/offers", ctx -> saveOffer(ctx, null), Role.ADMIN)
                .get(base + "/offers/{id}", ctx -> Web.json(ctx, HttpStatus.OK, OfferJson.offer(offer(ctx))), Role.STAFF)
                .put(base + "/offers/{id}", ctx -> saveOffer(ctx, offer(ctx).id()), Role.ADMIN);
    }

    /** The seed's endpoint: active, in-window offers with stock, cheapest first, paged (limit ≤ 500, default 100). Admins may ask for ?all=true. */
    private void listOffers(Context ctx) {
        CurrentUser me = Web.user(ctx);
        boolean all = me.isAdmin() && "true".equals(ctx.queryParam("all"));
        int limit = Math.min(500, Math.max(1, QueryParams.intOr(ctx, "limit", 100)));
        int offset = Math.max(0, QueryParams.intOr(ctx, "offset", 0));
        if (all) {
            Web.json(ctx, HttpStatus.OK, offers.search(me.tenantId(), ctx.queryParam("q"), limit, offset).stream().map(OfferJson::offer).toList());
            return;
        }
        byte[] json = available.json(me.tenantId(), limit, offset, () -> Web.jsonBytes(ctx,
                offers.available(me.tenantId(), OffsetDateTime.now(), limit, offset).stream().map(OfferJson::offer).toList()));
        Web.json(ctx, HttpStatus.OK, json);
    }

    private void saveOffer(Context ctx, UUID id) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        support.idempotent(ctx, me.tenantId(), tx -> {
            FieldErrors errors = new FieldErrors();
            RewardOfferRepository.Fields f = RewardOfferInput.fromJson(json).validate(EN, me.tenant().zone(), errors);
            json.errors().forEach(errors::set);
            if (f != null && f.merchantId() != null && merchants.find(me.tenantId(), f.merchantId()).isEmpty()) {
                errors.add("merchant_id", "no such merchant");
            }
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            RewardOfferRepository repo = new RewardOfferRepository(tx);
            UUID saved = id;
            if (id == null) saved = repo.create(me.tenantId(), f);
            else repo.update(me.tenantId(), id, f);
            return IdempotentApi.response(id == null ? 201 : 200, OfferJson.offer(repo.find(me.tenantId(), saved).orElseThrow()));
        });
        available.changed(me.tenantId());
    }

    private RewardOffer offer(Context ctx) {
        return offers.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
