package dev.mostrador.support;

import dev.mostrador.App;
import dev.mostrador.platform.config.Config;

import java.util.HashMap;
import java.util.Map;

/** The real app on a random port against the test database, started once per JVM. */
public final class TestApp {
    private static App app;

    private TestApp() {}

    public static synchronized App get() {
        if (app == null) {
            app = App.start(config(Map.of()), TestDatabase.get(), false);
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        }
        return app;
    }

    public static String baseUrl() {
        return "http://localhost:" + get().port();
    }

    /** Test configuration: random port, trusts X-Forwarded-For (each test client has its own IP), no jobs. */
    public static Config config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("MOSTRADOR_TRUST_PROXY", "true");
        env.put("MOSTRADOR_JOBS", "false");
        env.put("MOSTRADOR_ADMIN_PASSWORD", "bootstrap-admin-password");
        env.putAll(overrides);
        return Config.from(env);
    }
}
