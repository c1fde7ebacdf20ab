package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.ledger.LedgerRepository;
import dev.mostrador.rewards.offers.AvailableOffers;
import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.rewards.redemptions.RedemptionRepository;
import dev.mostrador.rewards.redemptions.RedemptionService;
import dev.mostrador.support.Race;
import dev.mostrador.support.Api;
import dev.mostrador.support.Cli;
import dev.mostrador.support.JsonAssert;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestDatabase;
import org.jooq.Record;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.mostrador.support.RewardsApiFields.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expiry job (function, Java job, command line) and the audit retention command. */
class ExpiryJobTest {

    static RewardsJobs jobs() {
        return new RewardsJobs(TestDatabase.get().dsl());
    }

    static RedemptionService service() {
        var dsl = TestDatabase.get().dsl();
        return new RedemptionService(dsl, new LedgerRepository(dsl), new RedemptionRepository(dsl), RewardsData.baseUrl(), new AvailableOffers(), dev.mostrador.platform.metrics.BusinessEvents.NONE);
    }

    /** Issues a redemption through the service (no HTTP: these tests need many). */
    static Redemption redeem(RewardsData p, long customer, String offer) {
        return service().redeem(p.tenant.tenant(), customer, java.util.UUID.fromString(offer), AuditContext.system("test"));
    }

    static void pastDue(List<String> redemptionIds) {
        RewardsData.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' "
                + "WHERE redemption_id = ANY (?::uuid[])", (Object) redemptionIds.toArray(new String[0]));
    }

    @Test
    void pendingCodesPastTheirTimeExpireRefundAndRestockOnceEvenWhenRunsOverlap() throws Exception {
        jobs().expireRedemptions(); // other tests' leftovers first: every count below is this test's
        RewardsData p = RewardsData.create();
        String cine = p.offer("Cine", 100, 60);
        String cafe = p.offer("Café", 40, null);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) customers.add(p.customerInDb("Vence " + i, 5000));
        List<String> due = new ArrayList<>();
        Map<String, Integer> spentBy = new HashMap<>();
        for (int i = 0; i < 45; i++) {
            Redemption r = redeem(p, customers.get(i % 5), i % 3 == 0 ? cafe : cine);
            due.add(r.id().toString());
            spentBy.put(r.id().toString(), r.lumisSpent());
        }
        JsonNode merchant = p.merchant("Cine Centro");
        Api pos = Api.merchant(merchant.get("api_key").asText());
        List<String> confirmed = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Redemption c = redeem(p, customers.get(i), cine);
            assertEquals(200, pos.post(BASE + "/redemptions/" + c.code() + "/confirm", Map.of()).status());
            confirmed.add(c.id().toString());
            Redemption x = redeem(p, customers.get(i), cine);
            assertEquals(200, p.oficina.post(BASE + "/redemptions/" + x.id() + "/cancel", Map.of()).status());
            cancelled.add(x.id().toString());
        }
        List<String> notYet = List.of(redeem(p, customers.get(0), cine).id().toString(), redeem(p, customers.get(1), cafe).id().toString());
        List<String> pastTime = new ArrayList<>(due);
        pastTime.addAll(confirmed);
        pastTime.addAll(cancelled);
        pastDue(pastTime);

        Map<Long, Long> balanceBefore = new HashMap<>();
        for (long c : customers) balanceBefore.put(c, p.balance(c));
        int cineStockBefore = p.stock(cine);
        assertEquals(60 - 30 - 2 - 1, cineStockBefore, "30 due, 2 confirmed, 1 not yet due; the cancelled went back");
        var untouchedBefore = RewardsData.db().fetch("SELECT redemption_id::text, redemption_status, updated_at FROM rewards.user_redemptions "
                + "WHERE redemption_id = ANY (?::uuid[]) ORDER BY 1", (Object) concat(confirmed, cancelled, notYet).toArray(new String[0]));

        // Two instances of the Java job and a direct call of the function, all at once.
        List<Callable<Integer>> runs = List.of(
                () -> jobs().expireRedemptions(),
                () -> jobs().expireRedemptions(),
                () -> ((Number) RewardsData.db().fetchValue("SELECT rewards.expire_old_redemptions()")).intValue());
        List<Integer> counts = Race.run(runs);

        assertEquals(45, counts.stream().mapToInt(Integer::intValue).sum(), "each code expired by exactly one run: " + counts);
        Map<Long, Long> refunds = new HashMap<>();
        for (String id : due) {
            assertEquals("expired", p.status(id));
            List<Record> refund = RewardsData.db().fetch("SELECT amount, customer_id FROM fact_accumulations WHERE redemption_id = ?::uuid AND kind = 'refund'", id);
            assertEquals(1, refund.size(), "one refund for " + id);
            assertEquals(spentBy.get(id), ((Number) refund.get(0).get("amount")).intValue());
            refunds.merge(((Number) refund.get(0).get("customer_id")).longValue(), (long) spentBy.get(id), Long::sum);
            List<Record> audit = RewardsData.db().fetch("SELECT actor_type, actor_id, ip_address, metadata::text AS metadata FROM rewards.redemption_audit_log "
                    + "WHERE redemption_id = ?::uuid AND action = 'expired'", id);
            assertEquals(1, audit.size(), "one 'expired' audit row for " + id);
            assertEquals("system", audit.get(0).get("actor_type"));
            assertEquals("expire_old_redemptions", audit.get(0).get("actor_id"));
            assertNull(audit.get(0).get("ip_address"));
            assertEquals(JsonAssert.json("{'from':'pending','to':'expired','lumis':" + spentBy.get(id) + "}"),
                    Api.JSON.readTree((String) audit.get(0).get("metadata")));
        }
        for (long c : customers) {
            assertEquals(balanceBefore.get(c) + refunds.getOrDefault(c, 0L), p.balance(c), "customer " + c + " refunded once per code");
        }
        assertEquals(cineStockBefore + 30, p.stock(cine), "each unit back once");
        assertNull(p.stock(cafe), "unlimited stays unlimited");

        var untouchedAfter = RewardsData.db().fetch("SELECT redemption_id::text, redemption_status, updated_at FROM rewards.user_redemptions "
                + "WHERE redemption_id = ANY (?::uuid[]) ORDER BY 1", (Object) concat(confirmed, cancelled, notYet).toArray(new String[0]));
        assertEquals(untouchedBefore, untouchedAfter, "confirmed, cancelled and not-yet-due codes are left alone");
        for (String id : confirmed) assertEquals("confirmed", p.status(id));
        for (String id : cancelled) assertEquals("cancelled", p.status(id));
        for (String id : notYet) assertEquals("pending", p.status(id));
        assertEquals(0, p.count("SELECT count(*) FROM fact_accumulations WHERE redemption_id = ANY (?::uuid[]) AND kind = 'refund'",
                (Object) concat(confirmed, notYet).toArray(new String[0])));
        assertEquals(2, p.count("SELECT count(*) FROM fact_accumulations WHERE redemption_id = ANY (?::uuid[]) AND kind = 'refund'",
                (Object) cancelled.toArray(new String[0])), "the cancel's refund only");
        assertEquals(45, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action = 'expired'", p.id()));
        assertEquals(0, jobs().expireRedemptions(), "nothing left to do");
        assertEquals(0, ((Number) RewardsData.db().fetchValue("SELECT rewards.expire_old_redemptions()")).intValue());
        p.assertLedgersAddUp();
    }

    @Test
    void overlappingRunsNeverExpireTwiceRoundAfterRound() throws Exception {
        jobs().expireRedemptions();
        RewardsData p = RewardsData.create();
        List<String> offers = List.of(p.offer("Uno", 10, 100), p.offer("Dos", 20, 100), p.offer("Tres", 30, null));
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) customers.add(p.customerInDb("Ronda " + i, 10_000));
        int total = 0;
        for (int round = 0; round < 5; round++) {
            List<String> due = new ArrayList<>();
            for (int i = 0; i < 20; i++) due.add(redeem(p, customers.get((i + round) % 4), offers.get(i % 3)).id().toString());
            pastDue(due);
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int k = 0; k < 3; k++) runs.add(() -> jobs().expireRedemptions());
            runs.add(() -> ((Number) RewardsData.db().fetchValue("SELECT rewards.expire_old_redemptions()")).intValue());
            List<Integer> counts = Race.run(runs);
            assertEquals(20, counts.stream().mapToInt(Integer::intValue).sum(), "round " + round + ": " + counts);
            total += 20;
        }
        assertEquals(total, p.count("SELECT count(*) FROM fact_accumulations WHERE tenant_id = ? AND kind = 'refund'", p.id()));
        assertEquals(total, p.count("SELECT count(DISTINCT redemption_id) FROM fact_accumulations WHERE tenant_id = ? AND kind = 'refund'", p.id()));
        assertEquals(total, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action = 'expired'", p.id()));
        assertEquals(100, p.stock(offers.get(0)));
        assertEquals(100, p.stock(offers.get(1)));
        for (long c : customers) assertEquals(10_000, p.balance(c), "every spend refunded, once");
        p.assertLedgersAddUp();
    }

    @Test
    void cancelsRacingTheJobForTheSameCodesRefundEachOnce() throws Exception {
        jobs().expireRedemptions();
        RewardsData p = RewardsData.create();
        List<Long> customers = List.of(p.customerInDb("Carrera 1", 1000), p.customerInDb("Carrera 2", 1000));
        String offer = p.offer("Taza", 100, 20);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) ids.add(redeem(p, customers.get(i % 2), offer).id().toString());
        pastDue(ids);

        List<Callable<String>> tasks = new ArrayList<>();
        for (String id : ids) {
            Api client = p.oficina.ownConnection();
            tasks.add(() -> {
                Api.Response r = client.post(BASE + "/redemptions/" + id + "/cancel", Map.of());
                return "cancel " + r.status() + " " + (r.status() == 200 ? "" : r.json().get("error").asText());
            });
        }
        // The jobs start a little later, at random: some cancels hold their row when the job's SKIP LOCKED passes by.
        tasks.add(() -> {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(150));
            return "job " + jobs().expireRedemptions();
        });
        tasks.add(() -> {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(150));
            return "job " + ((Number) RewardsData.db().fetchValue("SELECT rewards.expire_old_redemptions()")).intValue();
        });
        List<String> outcomes = Race.run(tasks);

        long cancelled = outcomes.stream().filter(o -> o.startsWith("cancel 200")).count();
        long lost = outcomes.stream().filter(o -> o.equals("cancel 409 already_expired")).count();
        int expired = outcomes.stream().filter(o -> o.startsWith("job ")).mapToInt(o -> Integer.parseInt(o.substring(4))).sum();
        assertEquals(12, cancelled + lost, "every cancel either won or lost to the job: " + outcomes);
        assertEquals(12, cancelled + expired, "each code went one way: " + outcomes);
        System.out.println("[race] cancels won " + cancelled + ", the jobs " + expired + ": " + outcomes);
        assertEquals(cancelled, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'cancelled'", p.id()));
        assertEquals(expired, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'expired'", p.id()));
        for (String id : ids) {
            assertEquals(1, p.count("SELECT count(*) FROM fact_accumulations WHERE redemption_id = ?::uuid AND kind = 'refund'", id), "one refund for " + id);
        }
        assertEquals(12, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action IN ('cancelled', 'expired')", p.id()));
        for (long c : customers) assertEquals(1000, p.balance(c));
        assertEquals(20, p.stock(offer), "every unit back, once");
        p.assertLedgersAddUp();
    }

    @Test
    void theCommandLineExpiresAndPrintsTheCount() throws Exception {
        jobs().expireRedemptions();
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Línea de comandos", 1000);
        String offer = p.offer("Entrada", 100, 10);
        List<String> due = List.of(redeem(p, customer, offer).id().toString(), redeem(p, customer, offer).id().toString(),
                redeem(p, customer, offer).id().toString());
        String kept = redeem(p, customer, offer).id().toString();
        pastDue(due);

        Cli.Run run = Cli.run("jobs", "expire-redemptions", "--verbose");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("expired 3 redemptions, refunded and restocked, in "), run.out());
        for (String id : due) assertEquals("expired", p.status(id));
        assertEquals("pending", p.status(kept));
        assertEquals(900, p.balance(customer));
        assertEquals(9, p.stock(offer));

        Cli.Run again = Cli.run("jobs", "expire-redemptions", "--verbose");
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("expired 0 redemptions"), again.out());
        p.assertLedgersAddUp();
    }

    @Test
    void purgeAuditDeletesOnlyRowsOlderThanTheRetention() throws Exception {
        jobs().purgeAudit(90); // anything older from elsewhere first: the count below is this test's
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Auditoría", 1000);
        String offer = p.offer("Libro", 100, 10);
        for (int i = 0; i < 4; i++) redeem(p, customer, offer);
        List<Long> logIds = RewardsData.db().fetch("SELECT log_id FROM rewards.redemption_audit_log WHERE tenant_id = ? ORDER BY log_id", p.id())
                .map(r -> ((Number) r.get(0)).longValue());
        assertEquals(4, logIds.size());
        RewardsData.db().execute("UPDATE rewards.redemption_audit_log SET created_at = now() - interval '91 days' WHERE log_id IN (?, ?)", logIds.get(0), logIds.get(1));
        RewardsData.db().execute("UPDATE rewards.redemption_audit_log SET created_at = now() - interval '89 days' WHERE log_id = ?", logIds.get(2));

        Cli.Run run = Cli.run("jobs", "purge-audit", "--days", "90");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("deleted 2 audit rows older than 90 days"), run.out());
        assertEquals(List.of(logIds.get(2), logIds.get(3)), RewardsData.db().fetch(
                "SELECT log_id FROM rewards.redemption_audit_log WHERE tenant_id = ? ORDER BY log_id", p.id()).map(r -> ((Number) r.get(0)).longValue()));

        Cli.Run bad = Cli.run("jobs", "purge-audit", "--days", "0");
        assertEquals(2, bad.exit(), bad.out());
        assertTrue(bad.out().contains("--days must be 1 or more"), bad.out());
        assertEquals(2, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ?", p.id()));

        assertEquals(1, jobs().purgeAudit(88), "the job itself, with a shorter retention");
        assertEquals(List.of(logIds.get(3)), RewardsData.db().fetch(
                "SELECT log_id FROM rewards.redemption_audit_log WHERE tenant_id = ? ORDER BY log_id", p.id()).map(r -> ((Number) r.get(0)).longValue()));
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) all.addAll(l);
        return all;
    }
}
