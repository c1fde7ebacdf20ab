package dev.mostrador.bench;

import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.rewards.merchants.MerchantRepository;
import org.jooq.DSLContext;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's merchant clients: one point of sale per client, each of a different merchant
 * with its own API key, as a rewards program's traffic comes from many shops at once. Each holds
 * its own share of the pending codes it may confirm (its merchant's, and a slice of those of
 * offers without a merchant), so no two clients confirm the same code. Look-ups change nothing
 * and run first over the same codes. (All clients as one merchant would queue its confirmations
 * on that merchant's stats row, which the seed's trigger updates in each confirmation.)
 */
final class PointsOfSale {
    private final List<String> keys;
    private final List<List<String>> codes;
    private final List<AtomicInteger> next = new ArrayList<>();
    private final AtomicInteger clients = new AtomicInteger();
    private final ThreadLocal<Integer> client = ThreadLocal.withInitial(() -> clients.getAndIncrement());

    private PointsOfSale(List<String> keys, List<List<String>> codes) {
        this.keys = keys;
        this.codes = codes;
        for (int i = 0; i < keys.size(); i++) next.add(new AtomicInteger());
    }

    /** Gives {@code n} merchants of the tenant (those with the most pending codes) a new key. */
    static PointsOfSale of(DSLContext dsl, UUID tenant, int n) {
        List<UUID> merchants = dsl.fetch("SELECT o.merchant_id FROM rewards.user_redemptions r JOIN rewards.redemption_offers o "
                + "ON o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id WHERE r.tenant_id = ? AND r.redemption_status = 'pending' "
                + "AND o.merchant_id IS NOT NULL GROUP BY o.merchant_id ORDER BY count(*) DESC, o.merchant_id LIMIT ?", tenant, n)
                .getValues(0, UUID.class);
        List<String> keys = new ArrayList<>();
        List<List<String>> codes = new ArrayList<>();
        MerchantRepository repository = new MerchantRepository(dsl);
        for (UUID merchant : merchants) {
            MerchantKeys.NewKey key = MerchantKeys.generate();
            repository.rotateKey(tenant, merchant, key);
            keys.add(key.key());
            codes.add(new ArrayList<>(pending(dsl, tenant, "o.merchant_id = ?", merchant)));
        }
        List<String> shared = pending(dsl, tenant, "o.merchant_id IS NULL");
        for (int i = 0; i < shared.size(); i++) codes.get(i % codes.size()).add(shared.get(i));
        codes.forEach(java.util.Collections::shuffle);
        return new PointsOfSale(keys, codes);
    }

    private static List<String> pending(DSLContext dsl, UUID tenant, String condition, Object... values) {
        Object[] binds = new Object[values.length + 1];
        binds[0] = tenant;
        System.arraycopy(values, 0, binds, 1, values.length);
        return dsl.fetch("SELECT r.redemption_code FROM rewards.user_redemptions r JOIN rewards.redemption_offers o "
                + "ON o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id WHERE r.tenant_id = ? AND r.redemption_status = 'pending' "
                + "AND r.code_expires_at > now() + interval '1 hour' AND " + condition, binds).getValues(0, String.class);
    }

    int codes() {
        return codes.stream().mapToInt(List::size).sum();
    }

    int confirmed() {
        return next.stream().mapToInt(AtomicInteger::get).sum();
    }

    /** This client's point of sale looks one of its codes up. */
    HttpRequest lookUp(String base) {
        int c = client.get() % keys.size();
        List<String> mine = codes.get(c);
        return RewardsBenchmark.get(base + "/api/v1/rewards/merchant/redemptions/" + mine.get(ThreadLocalRandom.current().nextInt(mine.size())),
                keys.get(c));
    }

    /** This client's point of sale confirms the next of its codes. */
    HttpRequest confirm(String base) {
        int c = client.get() % keys.size();
        List<String> mine = codes.get(c);
        String code = mine.get(next.get(c).getAndIncrement() % mine.size());
        return RewardsBenchmark.post(base + "/api/v1/rewards/redemptions/" + code + "/confirm", keys.get(c));
    }
}
