package dev.mostrador.rewards;

import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.ledger.LedgerRepository;
import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.rewards.offers.AvailableOffers;
import dev.mostrador.rewards.offers.RewardOfferRepository;
import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.rewards.redemptions.RedemptionRepository;
import dev.mostrador.rewards.redemptions.RedemptionService;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rewards data made straight through the repositories (fast), and small helpers for page responses. */
final class RewardsPagesData {
    static final Pattern KEY = Pattern.compile("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final Pattern FLASH = Pattern.compile("<div class=\"flash flash-(success|error)\" role=\"status\">(.*?)</div>", Pattern.DOTALL);

    private RewardsPagesData() {}

    record NewMerchant(UUID id, String key) {}

    static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }

    static RedemptionService service() {
        return new RedemptionService(dsl(), ledger(), redemptions(), "http://localhost:7070", new AvailableOffers());
    }

    static LedgerRepository ledger() {
        return new LedgerRepository(dsl());
    }

    static CustomerRepository customers() {
        return new CustomerRepository(dsl());
    }

    static RedemptionRepository redemptions() {
        return new RedemptionRepository(dsl());
    }

    static RewardOfferRepository offers() {
        return new RewardOfferRepository(dsl());
    }

    static long customer(Fixtures.TestTenant t, String name, int lumis) {
        long id = customers().create(t.id(), name, null, null);
        if (lumis > 0) service().adjust(t.id(), id, lumis, "earn", "Saldo inicial", null, AuditContext.system("test"));
        return id;
    }

    static UUID offer(Fixtures.TestTenant t, String name, int cost, Integer stock, UUID merchantId) {
        return offers().create(t.id(), new RewardOfferRepository.Fields(name, null, null, cost, stock, merchantId, true,
                OffsetDateTime.now().minusDays(1), null, 72));
    }

    static NewMerchant merchant(Fixtures.TestTenant t, String name) {
        MerchantKeys.NewKey key = MerchantKeys.generate();
        UUID id = new MerchantRepository(dsl()).create(t.id(), new MerchantRepository.Fields(name, "", "", "", "", true), key);
        return new NewMerchant(id, key.key());
    }

    static Redemption redeem(Fixtures.TestTenant t, long customerId, UUID offerId) {
        return service().redeem(t.tenant(), customerId, offerId, AuditContext.system("test"));
    }

    static long balance(Fixtures.TestTenant t, long customerId) {
        return customers().find(t.id(), customerId).orElseThrow().balance();
    }

    static Integer stock(Fixtures.TestTenant t, UUID offerId) {
        return offers().find(t.id(), offerId).orElseThrow().stock();
    }

    /** The Location of a 303. */
    static String location(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), "expected a redirect, got " + r.statusCode() + ": " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** Follows a 303 and returns the flash shown on the next page as "success: text" or "error: text". */
    static String flashAfter(Browser b, HttpResponse<String> r) {
        String page = b.get(location(r)).body();
        Matcher m = FLASH.matcher(page);
        return m.find() ? m.group(1) + ": " + m.group(2).trim() : "no flash";
    }

    static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new AssertionError("no " + p + " in the page");
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }
}
