package dev.mostrador.rewards;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reward offers and merchants over /api/v1/rewards: the JSON twins of the admin pages. */
public final class RewardsCatalogApi {
    private static final Messages EN = Messages.of("en");
    private final RewardOfferRepository offers;
    private final AvailableOffers available;
    private final MerchantRepository merchants;
    private final MerchantAccess access;
    private final RewardsApiSupport support;

    public RewardsCatalogApi(RewardOfferRepository offers, AvailableOffers available, MerchantRepository merchants, MerchantAccess access,
                             RewardsApiSupport support) {
        this.offers = offers;
        this.available = available;
        this.merchants = merchants;
        this.access = access;
        this.support = support;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/offers", this::listOffers, Role.STAFF)
                .post(base + "/offers", ctx -> saveOffer(ctx, null), Role.ADMIN)
                .get(base + "/offers/{id}", ctx -> Web.json(ctx, HttpStatus.OK, RewardsJson.offer(offer(ctx))), Role.STAFF)
                .put(base + "/offers/{id}", ctx -> saveOffer(ctx, offer(ctx).id()), Role.ADMIN)
                .get(base + "/merchants", this::listMerchants, Role.ADMIN)
                .post(base + "/merchants", this::createMerchant, Role.ADMIN)
                .get(base + "/merchants/{id}", ctx -> Web.json(ctx, HttpStatus.OK, RewardsJson.merchant(merchant(ctx))), Role.ADMIN)
                .put(base + "/merchants/{id}", this::updateMerchant, Role.ADMIN)
                .post(base + "/merchants/{id}/rotate-key", this::rotateKey, Role.ADMIN);
    }

    /** The seed's endpoint: active, in-window offers with stock, cheapest first, paged (limit ≤ 500, default 100). Admins may ask for ?all=true. */
    private void listOffers(Context ctx) {
        CurrentUser me = Web.user(ctx);
        boolean all = me.isAdmin() && "true".equals(ctx.queryParam("all"));
        int limit = Math.min(500, Math.max(1, QueryParams.intOr(ctx, "limit", 100)));
        int offset = Math.max(0, QueryParams.intOr(ctx, "offset", 0));
        if (all) {
            Web.json(ctx, HttpStatus.OK, offers.search(me.tenantId(), ctx.queryParam("q"), limit, offset).stream().map(RewardsJson::offer).toList());
            return;
        }
        byte[] json = available.json(me.tenantId(), limit, offset, () -> Web.jsonBytes(ctx,
                offers.available(me.tenantId(), OffsetDateTime.now(), limit, offset).stream().map(RewardsJson::offer).toList()));
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
            if (!errors.isEmpty()) return RewardsApiSupport.error(422, "validation_failed", errors.all());
            RewardOfferRepository repo = new RewardOfferRepository(tx);
            UUID saved = id;
            if (id == null) saved = repo.create(me.tenantId(), f);
            else repo.update(me.tenantId(), id, f);
            return RewardsApiSupport.response(id == null ? 201 : 200, RewardsJson.offer(repo.find(me.tenantId(), saved).orElseThrow()));
        });
        available.changed(me.tenantId());
    }

    private void listMerchants(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Web.json(ctx, HttpStatus.OK, merchants.search(me.tenantId(), ctx.queryParam("q"), 500, 0).stream().map(RewardsJson::merchant).toList());
    }

    /** Answers the API key once; only its bcrypt hash is kept. */
    private void createMerchant(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        support.idempotent(ctx, me.tenantId(), tx -> {
            MerchantInput input = MerchantInput.fromJson(json);
            FieldErrors errors = input.validate(EN);
            json.errors().forEach(errors::set);
            if (errors.isEmpty() && merchants.nameTaken(me.tenantId(), input.name(), null)) errors.add("merchant_name", "is already used");
            if (!errors.isEmpty()) return RewardsApiSupport.error(422, "validation_failed", errors.all());
            MerchantKeys.NewKey key = MerchantKeys.generate();
            MerchantRepository repo = new MerchantRepository(tx);
            UUID id = repo.create(me.tenantId(), input.fields(), key);
            Map<String, Object> merchant = RewardsJson.merchant(repo.find(me.tenantId(), id).orElseThrow());
            Map<String, Object> body = new LinkedHashMap<>(merchant);
            body.put("api_key", key.key());
            // Shown once: the Idempotency-Key row keeps the body without the key.
            return RewardsApiSupport.responseShownOnce(201, body, merchant);
        });
    }

    private void updateMerchant(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant current = merchant(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        MerchantInput input = MerchantInput.fromJson(json);
        FieldErrors errors = input.validate(EN);
        json.errors().forEach(errors::set);
        if (errors.isEmpty() && merchants.nameTaken(me.tenantId(), input.name(), current.id())) errors.add("merchant_name", "is already used");
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        merchants.update(me.tenantId(), current.id(), input.fields());
        if (!input.active()) access.revokeAll(me.tenantId(), current.id(), current.keyPrefix());
        else access.forget(current.id());
        Web.json(ctx, HttpStatus.OK, RewardsJson.merchant(merchants.find(me.tenantId(), current.id()).orElseThrow()));
    }

    private void rotateKey(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant current = merchant(ctx);
        support.idempotent(ctx, me.tenantId(), tx -> {
            MerchantKeys.NewKey key = MerchantKeys.generate();
            new MerchantRepository(tx).rotateKey(me.tenantId(), current.id(), key);
            access.revokeAll(me.tenantId(), current.id(), current.keyPrefix());
            Map<String, Object> merchant = RewardsJson.merchant(new MerchantRepository(tx).find(me.tenantId(), current.id()).orElseThrow());
            Map<String, Object> body = new LinkedHashMap<>(merchant);
            body.put("api_key", key.key());
            return RewardsApiSupport.responseShownOnce(200, body, merchant);
        });
        access.forget(current.id()); // again after the commit: a request during the transaction may have remembered the old key
    }

    private RewardOffer offer(Context ctx) {
        return offers.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private Merchant merchant(Context ctx) {
        return merchants.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
