package dev.mostrador.support;

import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.ledger.LedgerRepository;
import dev.mostrador.rewards.ledger.LumisAdjustments;
import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.rewards.offers.AvailableOffers;
import dev.mostrador.rewards.offers.RewardOfferRepository;
import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.rewards.redemptions.RedemptionRepository;
import dev.mostrador.rewards.redemptions.RedemptionService;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The fast path of {@link RewardsData}: rewards rows of a tenant written straight through the
 * repositories and the redemption service (no HTTP), for tests that need many rows or a page's data.
 */
public final class RewardsRows {
    private RewardsRows() {}

    public record NewMerchant(UUID id, String key) {}

    /** What {@link #showcase} made: the café, its coffee offer, the busy customer and two of her redemptions. */
    public record Showcase(UUID merchantId, UUID offerId, long customerId, UUID confirmedId, UUID pendingId) {}

    public static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }

    public static LumisAdjustments adjustments() {
        return new LumisAdjustments(dsl(), ledger());
    }

    public static RedemptionService service() {
        return new RedemptionService(dsl(), ledger(), redemptions(), "http://localhost:7070", new AvailableOffers(), dev.mostrador.platform.metrics.BusinessEvents.NONE);
    }

    public static LedgerRepository ledger() {
        return new LedgerRepository(dsl());
    }

    public static CustomerRepository customers() {
        return new CustomerRepository(dsl());
    }

    public static RedemptionRepository redemptions() {
        return new RedemptionRepository(dsl());
    }

    public static RewardOfferRepository offers() {
        return new RewardOfferRepository(dsl());
    }

    /** A customer whose opening lümis go through the redemption service (with its audit); their id. */
    public static long customer(Fixtures.TestTenant t, String name, int lumis) {
        long id = customers().create(t.id(), name, null, null);
        if (lumis > 0) adjustments().adjust(t.id(), id, lumis, "earn", "Saldo inicial", null);
        return id;
    }

    /** A customer whose opening lümis are one ledger row appended directly (for the races' many customers); their id. */
    public static long customerInLedger(Fixtures.TestTenant t, String name, int lumis) {
        CustomerRepository customers = customers();
        long id = customers.create(t.id(), name, null, null);
        if (lumis > 0) dsl().transaction(cfg -> new LedgerRepository(cfg.dsl()).append(cfg.dsl(), t.id(), id, lumis, "earn", "Saldo inicial", null, null));
        return id;
    }

    public static UUID offer(Fixtures.TestTenant t, String name, int cost, Integer stock, UUID merchantId) {
        return offers().create(t.id(), new RewardOfferRepository.Fields(name, null, null, cost, stock, merchantId, true,
                OffsetDateTime.now().minusDays(1), null, 72));
    }

    public static NewMerchant merchant(Fixtures.TestTenant t, String name) {
        MerchantKeys.NewKey key = MerchantKeys.generate();
        UUID id = new MerchantRepository(dsl()).create(t.id(), new MerchantRepository.Fields(name, "", "", "", "", true), key);
        return new NewMerchant(id, key.key());
    }

    public static Redemption redeem(Fixtures.TestTenant t, long customerId, UUID offerId) {
        return service().redeem(t.tenant(), customerId, offerId, AuditContext.system("test"));
    }

    public static long balance(Fixtures.TestTenant t, long customerId) {
        return customers().find(t.id(), customerId).orElseThrow().balance();
    }

    public static Integer stock(Fixtures.TestTenant t, UUID offerId) {
        return offers().find(t.id(), offerId).orElseThrow().stock();
    }

    /** A tenant's rewards program with long names, every offer state, a month of confirmations and a busy customer. */
    public static Showcase showcase(Fixtures.TestTenant t) {
        DSLContext dsl = dsl();
        CustomerRepository customers = new CustomerRepository(dsl);
        RewardOfferRepository offers = new RewardOfferRepository(dsl);
        RedemptionService service = new RedemptionService(dsl, new LedgerRepository(dsl), new RedemptionRepository(dsl), "http://localhost:7070", new AvailableOffers(), dev.mostrador.platform.metrics.BusinessEvents.NONE);
        AuditContext audit = new AuditContext("user", t.admin(), "10.1.2.3", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                Map.of("channel", "web"));
        MerchantRepository merchants = new MerchantRepository(dsl);
        UUID merchant = merchants.create(t.id(), new MerchantRepository.Fields("Café Central Providencia", "cafetería", "contacto@cafecentral.cl",
                "+56 2 2345 6789", "", true), MerchantKeys.generate());
        merchants.create(t.id(), new MerchantRepository.Fields("Farmacia del Barrio", "farmacia", "", "", "", false), MerchantKeys.generate());

        OffsetDateTime now = OffsetDateTime.now();
        UUID coffee = offers.create(t.id(), new RewardOfferRepository.Fields("Café americano grande", "Un café americano de 16 oz en cualquier sucursal.",
                "bebidas", 150, null, merchant, true, now.minusDays(40), null, 72));
        offers.create(t.id(), new RewardOfferRepository.Fields("Helado doble de temporada", null, "postres", 300, 0, null, true, now.minusDays(5), now.plusDays(20), 48));
        offers.create(t.id(), new RewardOfferRepository.Fields("Entrada al cine para dos personas, función de estreno", null, "entretención", 2500, 12,
                null, true, now.minusDays(1), null, 168));
        offers.create(t.id(), new RewardOfferRepository.Fields("Menú de invierno", null, null, 900, 50, merchant, true, now.plusDays(30), now.plusDays(90), 72));
        offers.create(t.id(), new RewardOfferRepository.Fields("Descuento antiguo", null, null, 50, null, null, false, now.minusDays(90), null, 72));

        long maria = customers.create(t.id(), "María José Fernández Castillo", "maria.jose.fernandez.castillo@correo-ejemplo.cl", "+56 9 8765 4321");
        for (String name : new String[] {"Pedro Soto", "Ana Rojas", "Luis Muñoz"}) {
            long c = customers.create(t.id(), name, null, null);
            adjustments().adjust(t.id(), c, 400 + name.length() * 37, "earn", "Compra en tienda", null);
        }
        adjustments().adjust(t.id(), maria, 12_000, "earn", "Compra boleta 004512 en sucursal Providencia", 1L);
        adjustments().adjust(t.id(), maria, -350, "adjust", "Corrección por devolución de producto", 1L);
        Redemption confirmed = service.redeem(t.tenant(), maria, coffee, audit);
        Redemption pending = service.redeem(t.tenant(), maria, coffee, audit);
        Redemption cancelled = service.redeem(t.tenant(), maria, coffee, audit);
        service.cancel(t.tenant(), cancelled.id(), audit);
        for (int i = 0; i < 25; i++) service.redeem(t.tenant(), maria, coffee, audit);

        // A month of confirmations at the merchant: the trigger keeps its totals and writes the audit.
        dsl.execute("SELECT set_config('rewards.actor_type', 'merchant', false), set_config('rewards.actor_id', ?, false)", merchant.toString());
        dsl.execute("UPDATE rewards.user_redemptions SET redemption_status = 'confirmed', validated_by_merchant_id = ?, "
                + "validated_at = now() - ((abs(hashtext(redemption_id::text)) % 29) || ' days')::interval, updated_at = now() "
                + "WHERE tenant_id = ? AND redemption_status = 'pending' AND redemption_id <> ?", merchant, t.id(), pending.id());
        dsl.execute("SELECT set_config('rewards.actor_type', '', false), set_config('rewards.actor_id', '', false)");
        return new Showcase(merchant, coffee, maria, confirmed.id(), pending.id());
    }
}
