package dev.mostrador.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the app reads from its environment (12-factor). Every variable has a default that
 * works on a developer machine; {@code platform.ops.ConfigChecks} lists the defaults that must not
 * reach production, like Django's {@code check --deploy}.
 */
public record Config(
        boolean production,
        int port,
        String databaseUrl,
        Path dataDir,
        String baseUrl,
        String secretKey,
        String adminEmail,
        String adminPassword,
        Duration sessionIdle,
        Duration sessionMax,
        Duration apiTokenLifetime,
        boolean secureCookies,
        boolean trustProxy,
        List<String> trustedProxies,
        List<String> corsOrigins,
        int dbPoolSize,
        int maxActiveRequests,
        int maxActiveConfirmations,
        boolean runJobs,
        int apiReadsPerMinute,
        int apiWritesPerMinute,
        int codeLookupsPerMinute,
        int unknownCodesPerMinute,
        int auditRetentionDays,
        int importMaxMb,
        Duration jobsPeriodOverride,
        String rateLimitStore,
        boolean metricsEnabled,
        String metricsToken,
        List<String> allowedHosts) {

    public static final String DEV_SECRET = "dev-only-secret-change-me-in-production";

    public static Config fromEnv() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        boolean production = "production".equalsIgnoreCase(env.getOrDefault("MOSTRADOR_ENV", "development"));
        int port = intVar(env, "PORT", 7070);
        int dbPoolSize = intVar(env, "MOSTRADOR_DB_POOL_SIZE", 10);
        int maxActiveRequests = intVar(env, "MOSTRADOR_MAX_ACTIVE_REQUESTS", Runtime.getRuntime().availableProcessors() + 1);
        return new Config(
                production,
                port,
                blankToNull(env.get("DATABASE_URL")),
                Path.of(env.getOrDefault("MOSTRADOR_DATA_DIR", "data")),
                env.getOrDefault("MOSTRADOR_BASE_URL", "http://localhost:" + port),
                env.getOrDefault("MOSTRADOR_SECRET_KEY", DEV_SECRET),
                blankToNull(env.get("MOSTRADOR_ADMIN_EMAIL")),
                blankToNull(env.get("MOSTRADOR_ADMIN_PASSWORD")),
                Duration.ofMinutes(intVar(env, "MOSTRADOR_SESSION_IDLE_MINUTES", 120)),
                Duration.ofHours(intVar(env, "MOSTRADOR_SESSION_MAX_HOURS", 12)),
                Duration.ofHours(intVar(env, "MOSTRADOR_API_TOKEN_HOURS", 24)),
                Boolean.parseBoolean(env.getOrDefault("MOSTRADOR_SECURE_COOKIES", String.valueOf(production))),
                Boolean.parseBoolean(env.getOrDefault("MOSTRADOR_TRUST_PROXY", "false")),
                splitList(env.getOrDefault("MOSTRADOR_TRUSTED_PROXIES", "")),
                splitList(env.getOrDefault("MOSTRADOR_CORS_ORIGINS", "")),
                dbPoolSize,
                maxActiveRequests,
                // The confirmations' own line: with the other line's requests, never more than the pool's connections.
                intVar(env, "MOSTRADOR_MAX_ACTIVE_CONFIRMATIONS", Math.max(2, dbPoolSize - maxActiveRequests)),
                Boolean.parseBoolean(env.getOrDefault("MOSTRADOR_JOBS", "true")),
                intVar(env, "MOSTRADOR_API_READS_PER_MINUTE", 60),
                intVar(env, "MOSTRADOR_API_WRITES_PER_MINUTE", 30),
                intVar(env, "MOSTRADOR_CODE_LOOKUPS_PER_MINUTE", 30),
                intVar(env, "MOSTRADOR_UNKNOWN_CODES_PER_MINUTE", 10),
                intVar(env, "MOSTRADOR_AUDIT_RETENTION_DAYS", 90),
                // The largest file an import takes (CSV or XLSX), in MB: past it, a page says so.
                Math.max(1, intVar(env, "MOSTRADOR_IMPORT_MAX_MB", 20)),
                // Tests shorten every periodic job's period to see them run (once across instances).
                env.containsKey("MOSTRADOR_JOBS_PERIOD_SECONDS") ? Duration.ofSeconds(Math.max(1, intVar(env, "MOSTRADOR_JOBS_PERIOD_SECONDS", 1))) : null,
                rateLimitStore(env),
                Boolean.parseBoolean(env.getOrDefault("MOSTRADOR_METRICS", "true")),
                blankToNull(env.get("MOSTRADOR_METRICS_TOKEN")),
                // The Host names the app answers (Django's ALLOWED_HOSTS); empty: any.
                splitList(env.getOrDefault("MOSTRADOR_ALLOWED_HOSTS", "")));
    }

    /**
     * Where rate limits count: in the database when several instances may share it (DATABASE_URL),
     * in process memory on the embedded database (one server per data folder, by construction).
     */
    private static String rateLimitStore(Map<String, String> env) {
        String store = env.getOrDefault("MOSTRADOR_RATE_LIMIT_STORE", "").trim().toLowerCase();
        if (store.isEmpty()) return blankToNull(env.get("DATABASE_URL")) != null ? "postgres" : "memory";
        if (!store.equals("memory") && !store.equals("postgres")) {
            throw new IllegalArgumentException("MOSTRADOR_RATE_LIMIT_STORE must be memory or postgres, got '" + store + "'");
        }
        return store;
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static List<String> splitList(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s*,\\s*"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
