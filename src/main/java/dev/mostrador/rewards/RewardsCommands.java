package dev.mostrador.rewards;

import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;


/**
 * The rewards program's commands: {@code jobs expire-redemptions}, {@code jobs purge-audit} (Main
 * groups every feature's jobs under {@code jobs}) and {@code seed}.
 */
public final class RewardsCommands {
    private RewardsCommands() {}

    @Command(name = "expire-redemptions", description = "Expire pending codes past their time: refund and restock each once.")
    public static final class ExpireRedemptions implements Callable<Integer> {
        @Option(names = "--verbose", description = "print what was done") boolean verbose;

        @Override
        public Integer call() {
            try (Database db = Database.open(Config.fromEnv())) {
                long t0 = System.nanoTime();
                int n = new RewardsJobs(db.dsl()).expireRedemptions();
                if (verbose) System.out.println(CommandSupport.english("expired {0, plural, one {# redemption} other {# redemptions}}, refunded and restocked, in {1} ms",
                        n, (System.nanoTime() - t0) / 1_000_000));
            }
            return 0;
        }
    }

    @Command(name = "purge-audit", description = "Delete rewards audit rows older than the retention.")
    public static final class PurgeAudit implements Callable<Integer> {
        @Option(names = "--days", description = "retention in days (default MOSTRADOR_AUDIT_RETENTION_DAYS or 90)") Integer days;

        @Override
        public Integer call() {
            Config config = Config.fromEnv();
            int keep = days != null ? days : config.auditRetentionDays();
            if (keep < 1) throw new IllegalArgumentException("--days must be 1 or more");
            try (Database db = Database.open(config)) {
                System.out.println(CommandSupport.english("deleted {0, plural, one {# audit row} other {# audit rows}} older than {1, plural, one {# day} other {# days}}",
                        new RewardsJobs(db.dsl()).purgeAudit(keep), keep));
            }
            return 0;
        }
    }

    @Command(name = "seed", description = "Load seed 001's capacity (rewards) into a tenant, for demos and benchmarks.")
    public static final class Seed implements Callable<Integer> {
        @Option(names = "--tenant", defaultValue = "seed", description = "tenant slug (created when missing)") String tenant;
        @Option(names = "--merchants", defaultValue = "1000") int merchants;
        @Option(names = "--offers", defaultValue = "10000") int offers;
        @Option(names = "--customers", defaultValue = "50000") int customers;
        @Option(names = "--redemptions", defaultValue = "1000000") int redemptions;

        @Override
        public Integer call() {
            if (merchants < 1 || offers < 1 || customers < 1 || redemptions < 0) {
                throw new IllegalArgumentException("--merchants, --offers and --customers must be 1 or more");
            }
            Config config = Config.fromEnv();
            try (Database db = CommandSupport.migrated(config)) {
                long t0 = System.nanoTime();
                var result = new RewardsSeed(db.dsl(), config.baseUrl())
                        .load(tenant, new RewardsSeed.Sizes(merchants, offers, customers, redemptions));
                result.millis().forEach((step, ms) -> System.out.printf("  %-20s %,8d ms%n", step, ms));
                System.out.printf("seeded tenant %s (%s) in %.1f s%n", result.tenant().slug(), result.tenant().id(), (System.nanoTime() - t0) / 1e9);
                System.out.println("API key of merchant \"" + result.merchantName() + "\" (shown once): " + result.merchantKey());
            }
            return 0;
        }
    }
}
