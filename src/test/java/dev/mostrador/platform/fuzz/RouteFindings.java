package dev.mostrador.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.support.Api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.mostrador.platform.fuzz.RoutePaths.fill;
import static dev.mostrador.platform.fuzz.RoutePaths.pattern;
import static dev.mostrador.platform.fuzz.RoutePaths.placeholders;

/**
 * What the seeding and the crawl learned about the routes: the links and forms each kind of caller
 * is shown, the ids seen in JSON answers, and a real value for each route's placeholders.
 */
final class RouteFindings {
    private final List<Routes.Route> routes;
    private final Map<CallerKind, Set<String>> links = new EnumMap<>(CallerKind.class);
    private final Map<CallerKind, List<PageForm>> forms = new EnumMap<>(CallerKind.class);
    /** Candidates for path placeholders: ids and codes of the JSON answers seen. */
    private final Set<String> jsonIds = new LinkedHashSet<>();
    private final Map<Routes.Route, Map<String, String>> realValues = new ConcurrentHashMap<>();
    /** Destructive routes left with a value other routes use too: their baseline is not sent before the others ran. */
    private final Set<Routes.Route> shared = new LinkedHashSet<>();

    RouteFindings(List<Routes.Route> routes) {
        this.routes = routes;
        for (CallerKind kind : CallerKind.values()) {
            links.put(kind, new LinkedHashSet<>());
            forms.put(kind, new ArrayList<>());
        }
    }

    List<Routes.Route> routes() {
        return routes;
    }

    synchronized void harvestPage(CallerKind kind, String page, String html) {
        links.get(kind).addAll(HtmlPages.links(html));
        forms.get(kind).addAll(HtmlPages.forms(page, html));
    }

    synchronized void harvestJson(String body) {
        try {
            collectIds(Api.JSON.readTree(body), null);
        } catch (IOException | RuntimeException ignored) {
            // not JSON: nothing to learn
        }
    }

    synchronized void addId(String id) {
        jsonIds.add(id);
    }

    private void collectIds(JsonNode node, String key) {
        if (node == null) return;
        if (node.isContainerNode()) {
            if (node.isObject()) node.fields().forEachRemaining(e -> collectIds(e.getValue(), e.getKey()));
            else node.forEach(n -> collectIds(n, key));
        } else if (key != null && (key.equals("id") || key.endsWith("_id") || key.endsWith("code") || key.equals("slug"))
                && (node.isTextual() || node.isIntegralNumber())) {
            jsonIds.add(node.asText());
        }
    }

    List<PageForm> forms(CallerKind kind) {
        return forms.get(kind);
    }

    /** Every link seen, by caller kind in order. */
    List<String> links() {
        return links.values().stream().flatMap(Set::stream).toList();
    }

    List<String> jsonIds() {
        return new ArrayList<>(jsonIds);
    }

    /** The route's placeholder values found so far (a live map). */
    Map<String, String> realValues(Routes.Route route) {
        return realValues.computeIfAbsent(route, r -> new LinkedHashMap<>());
    }

    Map<Routes.Route, Map<String, String>> allRealValues() {
        return realValues;
    }

    void markShared(Routes.Route route) {
        shared.add(route);
    }

    boolean shared(Routes.Route route) {
        return shared.contains(route);
    }

    /** The path of a route with real values, or null while a placeholder has none. */
    String resolved(Routes.Route route) {
        Map<String, String> values = realValues.getOrDefault(route, Map.of());
        if (!values.keySet().containsAll(placeholders(route.path()))) return null;
        return fill(route.path(), values, null, null);
    }

    /** The path with its real values; "1" for a placeholder that has none. */
    String path(Routes.Route route) {
        return fill(route.path(), realValues.get(route), null, null);
    }

    /** After the crawl: a value for each placeholder still without one. */
    void fillUnresolved() {
        for (Routes.Route route : routes) {
            Map<String, String> values = realValues(route);
            for (String name : placeholders(route.path())) {
                // The value of a same-named placeholder elsewhere ({code} of /r/{code}), else any id.
                values.computeIfAbsent(name, n -> realValues.values().stream().map(v -> v.get(n)).filter(Objects::nonNull)
                        .findFirst().orElse("1"));
            }
        }
    }

    /** The form that posts to this route, preferably to its real path, as this caller's pages show it. */
    PageForm formFor(Routes.Route route, CallerKind kind, String resolvedPath) {
        List<PageForm> matching = forms.get(kind).stream()
                .filter(f -> f.method().equals("post") && pattern(route.path()).matcher(f.action()).matches()).toList();
        return matching.stream().filter(f -> f.action().equals(resolvedPath)).findFirst()
                .orElse(matching.isEmpty() ? null : matching.get(0));
    }
}
