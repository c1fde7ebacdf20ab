package dev.mostrador.platform;

import dev.mostrador.platform.tenants.Slugs;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitTests {

    @Test
    void passwordPolicy() {
        assertEquals("password.too_short", Passwords.problem("123456789").orElseThrow());
        assertTrue(Passwords.problem("1234567890").isEmpty());
        assertTrue(Passwords.problem("a".repeat(72)).isEmpty());
        assertEquals("password.too_long", Passwords.problem("a".repeat(73)).orElseThrow());
        assertEquals("password.too_long", Passwords.problem("ñ".repeat(37)).orElseThrow(), "74 bytes");
        String hash = Passwords.hash("una frase secreta");
        assertTrue(hash.startsWith("$2a$12$"));
        assertTrue(Passwords.matches("una frase secreta", hash));
        assertFalse(Passwords.matches("una frase secretA", hash));
        assertFalse(Passwords.matches("a".repeat(80), hash));
        assertFalse(Passwords.matches("anything at all", null));
    }

    @Test
    void databaseUrls() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db.internal:6543/mostrador?sslmode=require");
        assertEquals("jdbc:postgresql://db.internal:6543/mostrador?sslmode=require", url.jdbcUrl());
        assertEquals("app", url.user());
        assertEquals("s@cret", url.password());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", DatabaseUrl.parse("postgres://127.0.0.1/test").jdbcUrl());
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://localhost/x?user=a");
        assertEquals("jdbc:postgresql://localhost/x?user=a", jdbc.jdbcUrl());
        assertNull(jdbc.user());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://x/y"));
    }

    @Test
    void productionRefusesDevelopmentDefaults() {
        Config dev = Config.from(Map.of("MOSTRADOR_ENV", "production"));
        String problems = errors(dev);
        assertTrue(problems.contains("MOSTRADOR_SECRET_KEY"), problems);
        assertTrue(problems.contains("MOSTRADOR_BASE_URL"), problems);
        assertTrue(problems.contains("DATABASE_URL"), problems);
        Config insecure = Config.from(Map.of("MOSTRADOR_ENV", "production", "MOSTRADOR_SECURE_COOKIES", "false",
                "MOSTRADOR_CORS_ORIGINS", "https://app.friosur.cl,http://localhost:5173"));
        String more = errors(insecure);
        assertTrue(more.contains("MOSTRADOR_SECURE_COOKIES"), more);
        assertTrue(more.contains("http://localhost:5173"), more);
        Config good = Config.from(Map.of("MOSTRADOR_ENV", "production", "MOSTRADOR_SECRET_KEY", "k".repeat(48),
                "MOSTRADOR_BASE_URL", "https://mostrador.friosur.cl", "DATABASE_URL", "postgresql://db/prod",
                "MOSTRADOR_CORS_ORIGINS", "https://app.friosur.cl"));
        assertEquals("", errors(good));
        assertTrue(good.secureCookies(), "secure cookies by default in production");
        assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("PORT", "seventy")));
    }

    /** The deploy checks' errors about the configuration alone, one a line. */
    private static String errors(Config config) {
        return String.join("\n", dev.mostrador.platform.ops.ConfigChecks.run(config, Map.of()).stream()
                .filter(dev.mostrador.platform.ops.CheckResult::isError).map(dev.mostrador.platform.ops.CheckResult::message).toList());
    }

    @Test
    void rateLimitsAreSharedWhereSeveralInstancesMayRun() {
        assertEquals("memory", Config.from(Map.of()).rateLimitStore(), "the embedded database has one server per folder");
        assertEquals("postgres", Config.from(Map.of("DATABASE_URL", "postgresql://db/prod")).rateLimitStore());
        assertEquals("memory", Config.from(Map.of("DATABASE_URL", "postgresql://db/prod", "MOSTRADOR_RATE_LIMIT_STORE", "Memory")).rateLimitStore());
        assertEquals("postgres", Config.from(Map.of("MOSTRADOR_RATE_LIMIT_STORE", "postgres")).rateLimitStore());
        var bad = assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("MOSTRADOR_RATE_LIMIT_STORE", "redis")));
        assertEquals("MOSTRADOR_RATE_LIMIT_STORE must be memory or postgres, got 'redis'", bad.getMessage());
        assertEquals(null, Config.from(Map.of()).jobsPeriodOverride());
        assertEquals(java.time.Duration.ofSeconds(2), Config.from(Map.of("MOSTRADOR_JOBS_PERIOD_SECONDS", "2")).jobsPeriodOverride());
    }

    @Test
    void slugs() {
        assertEquals("frio-sur-ltda", Slugs.of("Frío Sur Ltda."));
        assertEquals("tenant-a", Slugs.of("A"));
    }
}
