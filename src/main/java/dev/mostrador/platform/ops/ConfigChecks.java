package dev.mostrador.platform.ops;

import dev.mostrador.platform.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deploy checks that need only the environment: secrets, cookies, HTTPS, CORS, hosts, the
 * database's address, backups and metrics. What production must not run with (the errors) is
 * what {@code MOSTRADOR_ENV=production} refuses to start on.
 */
public final class ConfigChecks {
    private ConfigChecks() {}

    public static List<CheckResult> run(Config config, Map<String, String> env) {
        List<CheckResult> results = new ArrayList<>();
        results.add(config.production()
                ? CheckResult.passed("mostrador.E007", "MOSTRADOR_ENV is production")
                : CheckResult.failed("mostrador.E007", "MOSTRADOR_ENV is not production: HSTS is off and these checks do not run at start",
                "set MOSTRADOR_ENV=production"));
        String secret = config.secretKey();
        results.add(secret.equals(Config.DEV_SECRET) || secret.length() < 32
                ? CheckResult.failed("mostrador.E001", "MOSTRADOR_SECRET_KEY must be set to a random value of at least 32 characters",
                "set MOSTRADOR_SECRET_KEY to the output of `openssl rand -base64 48`, kept out of the repository")
                : CheckResult.passed("mostrador.E001", "MOSTRADOR_SECRET_KEY is set (" + secret.length() + " characters)"));
        // HttpOnly and SameSite=Lax are written by platform.web.Cookies on every cookie; Secure follows the setting.
        results.add(config.secureCookies()
                ? CheckResult.passed("mostrador.E002", "cookies are Secure, HttpOnly and SameSite=Lax")
                : CheckResult.failed("mostrador.E002", "MOSTRADOR_SECURE_COOKIES must not be false: session cookies need the Secure flag"
                        + " (HttpOnly and SameSite=Lax are always set)",
                "remove MOSTRADOR_SECURE_COOKIES (production makes cookies Secure) or set MOSTRADOR_SECURE_COOKIES=true"));
        results.add(config.baseUrl().startsWith("https://")
                ? CheckResult.passed("mostrador.E003", "MOSTRADOR_BASE_URL is https: " + config.baseUrl())
                : CheckResult.failed("mostrador.E003", "MOSTRADOR_BASE_URL must be the public https:// address (QR codes point to it), not "
                + config.baseUrl(), "set MOSTRADOR_BASE_URL=https://<your public host>"));
        results.add(config.production() && config.baseUrl().startsWith("https://")
                ? CheckResult.passed("mostrador.W001", "Strict-Transport-Security is sent (max-age=31536000; includeSubDomains)")
                : CheckResult.failed("mostrador.W001", "Strict-Transport-Security is not sent: browsers may reach the app over plain http",
                "set MOSTRADOR_ENV=production (it sends HSTS) and serve MOSTRADOR_BASE_URL over https"));
        results.add(cors(config.corsOrigins()));
        results.add(config.allowedHosts().isEmpty() || config.allowedHosts().contains("*")
                ? CheckResult.failed("mostrador.W002", "MOSTRADOR_ALLOWED_HOSTS is not set: any Host header is answered",
                "set MOSTRADOR_ALLOWED_HOSTS to the public host names, e.g. MOSTRADOR_ALLOWED_HOSTS=" + host(config.baseUrl()))
                : CheckResult.passed("mostrador.W002", "MOSTRADOR_ALLOWED_HOSTS: " + String.join(", ", config.allowedHosts())));
        results.add(config.databaseUrl() == null
                ? CheckResult.failed("mostrador.E005", "DATABASE_URL must point to the production PostgreSQL (the embedded one is for development)",
                "set DATABASE_URL=postgresql://<app user>:<password>@<host>:5432/<database>")
                : CheckResult.passed("mostrador.E005", "DATABASE_URL points to an external PostgreSQL"));
        if (config.adminPassword() != null && config.adminPassword().length() < 12) {
            results.add(CheckResult.failed("mostrador.E006", "MOSTRADOR_ADMIN_PASSWORD is too weak (at least 12 characters)",
                    "set a longer MOSTRADOR_ADMIN_PASSWORD, or unset it once the first admin exists"));
        } else {
            results.add(CheckResult.passed("mostrador.E006", config.adminPassword() == null
                    ? "MOSTRADOR_ADMIN_PASSWORD is not set" : "MOSTRADOR_ADMIN_PASSWORD is long enough"));
        }
        results.addAll(backups(env));
        results.add(metrics(config));
        return results;
    }

    private static CheckResult cors(List<String> origins) {
        List<String> bad = origins.stream().filter(o -> o.equals("*") || o.contains("localhost") || o.contains("127.0.0.1")
                || o.startsWith("http://")).toList();
        if (!bad.isEmpty()) {
            return CheckResult.failed("mostrador.E004", "MOSTRADOR_CORS_ORIGINS must list only production https origins, not "
                    + String.join(", ", bad), "set MOSTRADOR_CORS_ORIGINS to the https origins that call the API, comma separated, or leave it empty");
        }
        return CheckResult.passed("mostrador.E004", origins.isEmpty() ? "MOSTRADOR_CORS_ORIGINS is empty (no cross-origin calls)"
                : "MOSTRADOR_CORS_ORIGINS: " + String.join(", ", origins));
    }

    /** MOSTRADOR_BACKUP_DIR and MOSTRADOR_BACKUP_BEFORE_MIGRATE (default true), read by the backup command. */
    private static List<CheckResult> backups(Map<String, String> env) {
        String dir = env.get("MOSTRADOR_BACKUP_DIR");
        boolean beforeMigrate = !"false".equalsIgnoreCase(env.getOrDefault("MOSTRADOR_BACKUP_BEFORE_MIGRATE", "true").trim());
        return List.of(
                dir == null || dir.isBlank()
                        ? CheckResult.failed("mostrador.W004", "MOSTRADOR_BACKUP_DIR is not set: backups have no place of their own",
                        "set MOSTRADOR_BACKUP_DIR to a folder on another disk (or a mounted volume) and run `backup` on a schedule")
                        : CheckResult.passed("mostrador.W004", "MOSTRADOR_BACKUP_DIR: " + dir),
                beforeMigrate
                        ? CheckResult.passed("mostrador.W005", "a backup is taken before migrate applies pending migrations")
                        : CheckResult.failed("mostrador.W005", "MOSTRADOR_BACKUP_BEFORE_MIGRATE is false: migrations run without a backup first",
                        "remove MOSTRADOR_BACKUP_BEFORE_MIGRATE (default true) or set it to true"));
    }

    private static CheckResult metrics(Config config) {
        if (!config.metricsEnabled()) return CheckResult.skipped("mostrador.W006", "metrics are off (MOSTRADOR_METRICS=false)");
        return config.metricsToken() == null
                ? CheckResult.failed("mostrador.W006", "MOSTRADOR_METRICS_TOKEN is not set: /metrics answers 404 in production",
                "set MOSTRADOR_METRICS_TOKEN to a random value (`openssl rand -hex 32`) and give it to Prometheus as a bearer token,"
                        + " or set MOSTRADOR_METRICS=false")
                : CheckResult.passed("mostrador.W006", "/metrics requires MOSTRADOR_METRICS_TOKEN");
    }

    private static String host(String baseUrl) {
        String rest = baseUrl.replaceFirst("^[a-z]+://", "");
        int end = rest.indexOf('/');
        rest = end < 0 ? rest : rest.substring(0, end);
        return rest.replaceFirst(":\\d+$", "");
    }
}
