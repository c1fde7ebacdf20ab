package dev.mostrador.platform.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Real User-Agent headers (browsers of 2024–2026, tools, HTTP libraries) and what people should read for each. */
class UserAgentsTest {
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", "Chrome / Android");
        EXPECTED.put("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome / Windows");
        EXPECTED.put("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome / macOS");
        EXPECTED.put("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome / Linux");
        EXPECTED.put("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome / ChromeOS");
        EXPECTED.put("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.153 Mobile/15E148 Safari/604.1", "Chrome / iPhone");
        EXPECTED.put("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari / iPhone");
        EXPECTED.put("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", "Safari / iPad");
        EXPECTED.put("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari / macOS");
        // An app's in-app browser on an iPhone: WebKit without a browser's name.
        EXPECTED.put("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", "Safari / iPhone");
        EXPECTED.put("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox / Windows");
        EXPECTED.put("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox / Linux");
        EXPECTED.put("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox / Android");
        EXPECTED.put("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/131.0 Mobile/15E148 Safari/605.1.15", "Firefox / iPhone");
        EXPECTED.put("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge / Windows");
        EXPECTED.put("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0", "Edge / Android");
        EXPECTED.put("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582", "Edge / Windows");
        EXPECTED.put("Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet / Android");
        EXPECTED.put("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera / Windows");
        EXPECTED.put("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36 OPR/85.0.0.0", "Opera / Android");
        EXPECTED.put("Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18", "Opera / Windows");
        EXPECTED.put("Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36", "Chrome / Android");
        EXPECTED.put("curl/8.5.0", "TOOL curl");
        EXPECTED.put("Wget/1.21.4", "TOOL Wget");
        EXPECTED.put("HTTPie/3.2.2", "TOOL HTTPie");
        EXPECTED.put("PostmanRuntime/7.42.0", "TOOL Postman");
        EXPECTED.put("insomnia/2023.5.8", "TOOL Insomnia");
        EXPECTED.put("python-requests/2.32.3", "API_CLIENT");
        EXPECTED.put("Go-http-client/2.0", "API_CLIENT");
        EXPECTED.put("Java-http-client/17.0.13", "API_CLIENT");
        EXPECTED.put("okhttp/4.12.0", "API_CLIENT");
        EXPECTED.put("axios/1.7.7", "API_CLIENT");
        EXPECTED.put("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "API_CLIENT");
        EXPECTED.put("Apache-HttpClient/4.5.14 (Java/17.0.9)", "API_CLIENT");
        EXPECTED.put("Mozilla/5.0 (Windows NT; Windows NT 10.0; es-CL) WindowsPowerShell/5.1.22621.4249", "API_CLIENT");
        EXPECTED.put("CajaRegistradora/3.1", "API_CLIENT CajaRegistradora");
        EXPECTED.put("Mostrador-Caja/1.0 (sucursal 4)", "API_CLIENT Mostrador-Caja");
        EXPECTED.put("-- ¿? --", "OTHER");
        EXPECTED.put("Mozilla/5.0 (compatible)", "OTHER");
        EXPECTED.put("   ", "NONE");
    }

    @Test
    void realHeadersReadAsBrowserOnSystemOrAsATool() {
        List<String> wrong = new ArrayList<>();
        EXPECTED.forEach((ua, expected) -> {
            String got = show(UserAgents.summarise(ua));
            if (!got.equals(expected)) wrong.add(expected + " ≠ " + got + " for " + ua);
        });
        assertEquals(List.of(), wrong);
        assertEquals(UserAgents.Kind.NONE, UserAgents.summarise(null).kind());
    }

    @Test
    void aSystemWithoutAKnownBrowserStillNamesTheSystem() {
        assertEquals(new UserAgents.Summary(UserAgents.Kind.BROWSER, null, "Android"),
                UserAgents.summarise("Mozilla/5.0 (Linux; Android 12; M2101K6G) AppleWebKit/537.36 (KHTML, like Gecko) SomeNewBrowser/1.0"));
    }

    private static String show(UserAgents.Summary s) {
        return switch (s.kind()) {
            case BROWSER -> s.name() + " / " + s.os();
            case TOOL -> "TOOL " + s.name();
            case API_CLIENT -> s.name() == null ? "API_CLIENT" : "API_CLIENT " + s.name();
            default -> s.kind().name();
        };
    }
}
