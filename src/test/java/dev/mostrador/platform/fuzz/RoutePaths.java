package dev.mostrador.platform.fuzz;

import dev.mostrador.platform.web.Routes;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mostrador.platform.fuzz.WireEncoding.pct;

/** What a route's method and path tell: its placeholders, whether it is the API, takes a body, or ends what it is given. */
final class RoutePaths {
    /** Last segments of routes that end or delete what they are given: they run last, on the other one of the seeded twins. */
    private static final Set<String> DESTRUCTIVE = Set.of("delete", "deactivate", "cancel", "logout", "rotate", "rotate-key");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private RoutePaths() {
    }

    static boolean destructive(Routes.Route route) {
        return HandlerType.DELETE.equals(route.method()) || !HandlerType.GET.equals(route.method()) && endsDestructively(route.path());
    }

    /** Whether a POST to this path would end or delete something: a form the crawl must not send. */
    static boolean endsDestructively(String path) {
        return DESTRUCTIVE.contains(path.substring(path.lastIndexOf('/') + 1));
    }

    static boolean hasBody(Routes.Route route) {
        return HandlerType.POST.equals(route.method()) || HandlerType.PUT.equals(route.method());
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    /** The route's path as a regular expression, a group for each placeholder. */
    static Pattern pattern(String path) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder re = new StringBuilder();
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        return Pattern.compile(re.append(Pattern.quote(path.substring(last))).toString());
    }

    static List<String> placeholders(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The path with real values, one placeholder (when given) replaced by a raw, already encoded, bad value. */
    static String fill(String path, Map<String, String> values, String fuzzed, String bad) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = name.equals(fuzzed) ? bad : pct(values.getOrDefault(name, "1"));
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
