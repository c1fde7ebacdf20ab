package dev.mostrador.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A User-Agent header summarised to what a person recognises: the browser and the system
 * ("Chrome" on "Android"), the tool ("curl") or a program calling the API. Pure: no messages here,
 * the page words it ("Chrome en Android") from its bundle. Order matters: Edge, Opera and Samsung
 * Internet also say "Chrome/", Chrome also says "Safari/", every browser says "Mozilla/".
 */
public final class UserAgents {
    public enum Kind {
        /** No header at all. */
        NONE,
        /** A browser; name or os may be null when unrecognised. */
        BROWSER,
        /** A command line or desktop tool people run by hand: curl, Wget, HTTPie, Postman, Insomnia. */
        TOOL,
        /** A program calling the API: name is its product ("CajaRegistradora"), null for a bare HTTP library (python-requests, Go, okhttp…). */
        API_CLIENT,
        /** Nothing recognisable. */
        OTHER
    }

    public record Summary(Kind kind, String name, String os) {}

    private record Rule(String marker, String name) {}

    private static final List<Rule> TOOLS = List.of(new Rule("curl/", "curl"), new Rule("wget/", "Wget"),
            new Rule("httpie/", "HTTPie"), new Rule("postmanruntime/", "Postman"), new Rule("insomnia/", "Insomnia"));
    private static final List<String> API_CLIENTS = List.of("python-requests", "python-urllib", "python-httpx", "aiohttp",
            "go-http-client", "java-http-client", "java/", "okhttp", "axios", "node-fetch", "undici", "node", "libwww-perl",
            "apache-httpclient", "guzzlehttp", "ruby", "faraday", "dart:io", "dart/", "restsharp", "windowspowershell",
            "powershell", "reqwest", "k6/", "jmeter");
    private static final List<Rule> BROWSERS = List.of(new Rule("samsungbrowser/", "Samsung Internet"),
            new Rule("opr/", "Opera"), new Rule("opios/", "Opera"), new Rule("opera", "Opera"),
            new Rule("edg/", "Edge"), new Rule("edga/", "Edge"), new Rule("edgios/", "Edge"), new Rule("edge/", "Edge"),
            new Rule("fxios/", "Firefox"), new Rule("firefox/", "Firefox"),
            new Rule("crios/", "Chrome"), new Rule("chrome/", "Chrome"), new Rule("chromium/", "Chrome"),
            new Rule("version/", "Safari"));
    private static final List<Rule> SYSTEMS = List.of(new Rule("android", "Android"), new Rule("iphone", "iPhone"),
            new Rule("ipad", "iPad"), new Rule("ipod", "iOS"), new Rule("windows", "Windows"), new Rule("cros ", "ChromeOS"),
            new Rule("mac os x", "macOS"), new Rule("macintosh", "macOS"), new Rule("linux", "Linux"), new Rule("x11", "Linux"));

    private static final Pattern PRODUCT = Pattern.compile("([A-Za-z][A-Za-z0-9._-]{0,39})/[0-9]");

    private UserAgents() {}

    public static Summary summarise(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return new Summary(Kind.NONE, null, null);
        String ua = userAgent.toLowerCase(Locale.ROOT).trim();
        for (Rule tool : TOOLS) {
            if (ua.startsWith(tool.marker())) return new Summary(Kind.TOOL, tool.name(), null);
        }
        for (String client : API_CLIENTS) {
            if (ua.startsWith(client) || ua.contains(" " + client)) return new Summary(Kind.API_CLIENT, null, null);
        }
        String os = first(SYSTEMS, ua);
        if (!ua.startsWith("mozilla/") && !ua.startsWith("opera")) {
            // A point of sale's own program says who it is ("CajaRegistradora/3.1"): that name is worth showing.
            Matcher product = PRODUCT.matcher(userAgent.trim());
            if (product.lookingAt()) return new Summary(Kind.API_CLIENT, product.group(1), null);
            return os == null ? new Summary(Kind.OTHER, null, null) : new Summary(Kind.BROWSER, null, os);
        }
        String browser = first(BROWSERS, ua);
        // Any other browser on an iPhone is WebKit under another name; a bare WebKit one is Safari's view.
        if (browser == null && ua.contains("applewebkit/") && ua.contains("mobile/")) browser = "Safari";
        if (browser == null && os == null) return new Summary(Kind.OTHER, null, null);
        return new Summary(Kind.BROWSER, browser, os);
    }

    private static String first(List<Rule> rules, String ua) {
        for (Rule rule : rules) {
            if (ua.contains(rule.marker())) return rule.name();
        }
        return null;
    }
}
