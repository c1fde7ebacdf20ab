package dev.mostrador.rewards.merchants;

import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.rewards.common.RewardsApiSupport;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Merchants over /api/v1/rewards: the JSON twin of the merchants' pages. */
public final class MerchantAdminApi {
    private static final Messages EN = Messages.of("en");
    private final MerchantRepository merchants;
    private final MerchantAccess access;
    private final RewardsApiSupport support;

    public MerchantAdminApi(MerchantRepository merchants, MerchantAccess access, RewardsApiSupport support) {
        this.merchants = merchants;
        this.access = access;
        this.support = support;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/merchants", this::listMerchants, Role.ADMIN)
                .post(base + "/merchants", this::createMerchant, Role.ADMIN)
                .get(base + "/merchants/{id}", ctx -> Web.json(ctx, HttpStatus.OK, MerchantJson.merchant(merchant(ctx))), Role.ADMIN)
                .put(base + "/merchants/{id}", this::updateMerchant, Role.ADMIN)
                .post(base + "/merchants/{id}/rotate-key", this::rotateKey, Role.ADMIN);
    }

    private void listMerchants(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Web.json(ctx, HttpStatus.OK, merchants.search(me.tenantId(), ctx.queryParam("q"), 500, 0).stream().map(MerchantJson::merchant).toList());
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
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            MerchantKeys.NewKey key = MerchantKeys.generate();
            MerchantRepository repo = new MerchantRepository(tx);
            UUID id = repo.create(me.tenantId(), input.fields(), key);
            Map<String, Object> merchant = MerchantJson.merchant(repo.find(me.tenantId(), id).orElseThrow());
            Map<String, Object> body = new LinkedHashMap<>(merchant);
            body.put("api_key", key.key());
            // Shown once: the Idempotency-Key row keeps the body without the key.
            return IdempotentApi.responseShownOnce(201, body, merchant);
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
        Web.json(ctx, HttpStatus.OK, MerchantJson.merchant(merchants.find(me.tenantId(), current.id()).orElseThrow()));
    }

    private void rotateKey(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant current = merchant(ctx);
        support.idempotent(ctx, me.tenantId(), tx -> {
            MerchantKeys.NewKey key = MerchantKeys.generate();
            new MerchantRepository(tx).rotateKey(me.tenantId(), current.id(), key);
            access.revokeAll(me.tenantId(), current.id(), current.keyPrefix());
            Map<String, Object> merchant = MerchantJson.merchant(new MerchantRepository(tx).find(me.tenantId(), current.id()).orElseThrow());
            Map<String, Object> body = new LinkedHashMap<>(merchant);
            body.put("api_key", key.key());
            return IdempotentApi.responseShownOnce(200, body, merchant);
        });
        access.forget(current.id()); // again after the commit: a request during the transaction may have remembered the old key
    }

    private Merchant merchant(Context ctx) {
        return merchants.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
