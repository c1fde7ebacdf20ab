package dev.mostrador.rewards;

import dev.mostrador.rewards.ledger.LedgerRepository;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 001's post-migration checks, and the database rules the rewards program leans on. */
class RewardsSchemaTest {

    static DSLContext db() {
        return TestDatabase.get().dsl();
    }

    static List<String> strings(String sql, Object... args) {
        return db().fetch(sql, args).map(r -> String.valueOf(r.get(0)));
    }

    @Test
    void schemaRewardsHoldsExactlyTheSeedsFourTables() {
        List<String> expected = List.of("merchants", "redemption_audit_log", "redemption_offers", "user_redemptions");
        assertEquals(expected, strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'rewards' ORDER BY 1"));
        assertEquals(expected, strings("SELECT tablename FROM pg_tables WHERE schemaname = 'rewards' ORDER BY 1"));
        assertEquals(List.of("BASE TABLE"), strings("SELECT DISTINCT table_type FROM information_schema.tables WHERE table_schema = 'rewards'"));
        // The ledger and the customers stay in public, beside the other tenant-owned tables.
        assertEquals(List.of("customers", "fact_accumulations", "idempotency_keys", "merchant_sessions"),
                strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN "
                        + "('customers', 'fact_accumulations', 'idempotency_keys', 'merchant_sessions') ORDER BY 1"));
    }

    @Test
    void theThreeFunctionsExistWithTheirSignatures() {
        assertEquals(List.of(
                        "audit_redemption_change() → trigger",
                        "expire_old_redemptions(p_batch integer) → integer",
                        "update_merchant_stats() → trigger"),
                strings("SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') → ' || format_type(p.prorettype, NULL) "
                        + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'rewards' ORDER BY p.proname"));
        String expiry = (String) db().fetchValue("SELECT prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = 'rewards' AND p.proname = 'expire_old_redemptions'");
        assertTrue(expiry.contains("FOR UPDATE SKIP LOCKED"), "several instances may expire at once on disjoint rows");
        // The default batch: callable without arguments, as the seed does.
        assertEquals(List.of("1"), strings("SELECT p.pronargdefaults FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = 'rewards' AND p.proname = 'expire_old_redemptions'"));
    }

    @Test
    void theTwoTriggersAreOnUserRedemptions() {
        assertEquals(List.of(
                        "trg_audit_redemption_changes AFTER DELETE ON user_redemptions → rewards.audit_redemption_change()",
                        "trg_audit_redemption_changes AFTER INSERT ON user_redemptions → rewards.audit_redemption_change()",
                        "trg_audit_redemption_changes AFTER UPDATE ON user_redemptions → rewards.audit_redemption_change()",
                        "trg_update_merchant_stats AFTER UPDATE ON user_redemptions → rewards.update_merchant_stats()"),
                strings("SELECT trigger_name || ' ' || action_timing || ' ' || event_manipulation || ' ON ' || event_object_table "
                        + "|| ' → ' || substring(action_statement FROM 'EXECUTE FUNCTION (.*)$') FROM information_schema.triggers "
                        + "WHERE trigger_schema = 'rewards' ORDER BY trigger_name, event_manipulation"));
        assertEquals(List.of("ROW"), strings("SELECT DISTINCT action_orientation FROM information_schema.triggers WHERE trigger_schema = 'rewards'"));
    }

    @Test
    void redemptionCodesHaveAUniqueIndexAcrossTenants() {
        assertEquals(List.of("idx_redemptions_code"), strings(
                "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                        + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                        + "WHERE n.nspname = 'rewards' AND t.relname = 'user_redemptions' AND x.indisunique AND x.indnatts = 1 "
                        + "AND x.indpred IS NULL AND x.indkey[0] = (SELECT attnum FROM pg_attribute WHERE attrelid = t.oid AND attname = 'redemption_code')"));

        // Two tenants, one code: the second insert is refused even though the rows share nothing else.
        RewardsData a = RewardsData.create();
        RewardsData b = RewardsData.create();
        String code = "SCHEMA" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        insertRedemption(a, code);
        DataAccessException e = assertThrows(DataAccessException.class, () -> insertRedemption(b, code));
        assertEquals("23505", e.sqlState());
        assertTrue(e.getMessage().contains("idx_redemptions_code"), e.getMessage());
    }

    private static void insertRedemption(RewardsData p, String code) {
        long customer = p.customerInDb("Cliente", 0);
        db().execute("INSERT INTO rewards.redemption_offers (tenant_id, name_friendly, lumis_cost) VALUES (?, 'Café', 10)", p.id());
        db().execute("INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, code_expires_at) "
                + "SELECT ?, ?, offer_id, 10, ?, now() + interval '1 day' FROM rewards.redemption_offers WHERE tenant_id = ?", p.id(), customer, code, p.id());
    }

    @Test
    void theLedgerIsAppendOnlyAndMovesTheBalance() {
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Ledger", 100);
        assertEquals(100, p.balance(customer), "the trigger applied the row");

        DataAccessException update = assertThrows(DataAccessException.class, () ->
                db().execute("UPDATE fact_accumulations SET amount = 1000000 WHERE tenant_id = ? AND customer_id = ?", p.id(), customer));
        assertEquals("P0001", update.sqlState());
        assertTrue(update.getMessage().contains("fact_accumulations is append-only"), update.getMessage());
        DataAccessException delete = assertThrows(DataAccessException.class, () ->
                db().execute("DELETE FROM fact_accumulations WHERE tenant_id = ? AND customer_id = ?", p.id(), customer));
        assertEquals("P0001", delete.sqlState());
        assertTrue(delete.getMessage().contains("fact_accumulations is append-only"), delete.getMessage());

        assertEquals(1, p.ledger(customer).size());
        assertEquals(100, ((Number) p.ledger(customer).get(0).get("amount")).intValue());
        assertEquals(100, p.balance(customer));
    }

    @Test
    void theBalanceCheckRefusesNegative() {
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Saldo", 100);

        DataAccessException overdraft = assertThrows(DataAccessException.class, () -> db().transaction(cfg ->
                new LedgerRepository(cfg.dsl()).append(cfg.dsl(), p.id(), customer, -101, "adjust", "Débito", null, null)));
        assertEquals("23514", overdraft.sqlState());
        assertTrue(overdraft.getMessage().contains("customers_lumis_balance_check"), overdraft.getMessage());
        assertEquals(100, p.balance(customer), "the refused row left the balance alone");
        assertEquals(1, p.ledger(customer).size(), "and was not kept");

        db().transaction(cfg -> new LedgerRepository(cfg.dsl()).append(cfg.dsl(), p.id(), customer, -100, "adjust", "Débito", null, null));
        assertEquals(0, p.balance(customer), "down to exactly zero is fine");

        DataAccessException direct = assertThrows(DataAccessException.class, () ->
                db().execute("UPDATE customers SET lumis_balance = -1 WHERE tenant_id = ? AND id = ?", p.id(), customer));
        assertEquals("23514", direct.sqlState());
        DataAccessException born = assertThrows(DataAccessException.class, () ->
                db().execute("INSERT INTO customers (tenant_id, name, lumis_balance) VALUES (?, 'Negativo', -5)", p.id()));
        assertEquals("23514", born.sqlState());
        assertEquals(List.of("CHECK ((lumis_balance >= 0))"), strings(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'customers_lumis_balance_check'"));
    }

    @Test
    void ledgerRowsFollowTheirKinds() {
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Tipos", 50);
        // A spend must be negative and name its redemption; a refund must name its redemption; zero moves nothing.
        for (String sql : List.of(
                "INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason) VALUES (?, ?, -5, 'redeem', 'x')",
                "INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason) VALUES (?, ?, 5, 'refund', 'x')",
                "INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason) VALUES (?, ?, 0, 'earn', 'x')",
                "INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason) VALUES (?, ?, 5, 'gift', 'x')",
                "INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason) VALUES (?, ?, 5, 'earn', '  ')")) {
            DataAccessException e = assertThrows(DataAccessException.class, () -> db().execute(sql, p.id(), customer), sql);
            assertEquals("23514", e.sqlState(), sql);
        }
        assertEquals(50, p.balance(customer));
        assertEquals(1, p.ledger(customer).size());
    }
}
