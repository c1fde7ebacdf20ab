package dev.mostrador.platform.backup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order a restore loads tables in: every parent before its children, so foreign keys hold
 * row by row. The keys of a cycle (a table pointing to itself, or two pointing to each other)
 * cannot be satisfied by any order: those are dropped for the load and created again after it,
 * which checks every row then, so the result is as correct as with the key in place.
 */
public record LoadOrder(List<String> tables, List<SchemaCatalog.ForeignKey> deferredKeys) {

    public static LoadOrder of(List<String> tables, List<SchemaCatalog.ForeignKey> keys) {
        Set<String> known = new TreeSet<>(tables);
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String t : known) parents.put(t, new TreeSet<>());
        for (SchemaCatalog.ForeignKey k : keys) {
            if (known.contains(k.child()) && known.contains(k.parent())) parents.get(k.child()).add(k.parent());
        }
        Map<String, Integer> component = components(parents);
        List<SchemaCatalog.ForeignKey> deferred = keys.stream()
                .filter(k -> known.contains(k.child()) && known.contains(k.parent()))
                .filter(k -> component.get(k.child()).equals(component.get(k.parent())))
                .toList();
        return new LoadOrder(sort(parents, component), deferred);
    }

    /** Kahn's sort over the keys between different components; ties go alphabetically so the order is stable. */
    private static List<String> sort(Map<String, Set<String>> parents, Map<String, Integer> component) {
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (var e : parents.entrySet()) {
            int n = 0;
            for (String p : e.getValue()) {
                if (component.get(p).equals(component.get(e.getKey()))) continue;
                children.computeIfAbsent(p, x -> new ArrayList<>()).add(e.getKey());
                n++;
            }
            waitingOn.put(e.getKey(), n);
        }
        TreeSet<String> ready = new TreeSet<>();
        waitingOn.forEach((t, n) -> {
            if (n == 0) ready.add(t);
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String t = ready.pollFirst();
            order.add(t);
            for (String c : children.getOrDefault(t, List.of())) {
                if (waitingOn.merge(c, -1, Integer::sum) == 0) ready.add(c);
            }
        }
        return order;
    }

    /** Tarjan's strongly connected components: tables in one component point to each other, through a cycle. */
    private static Map<String, Integer> components(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        int[] counter = {0, 0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) connect(v, edges, index, low, component, stack, onStack, counter);
        }
        return component;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index, Map<String, Integer> low,
                                Map<String, Integer> component, Deque<String> stack, Set<String> onStack, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.get(v)) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, component, stack, onStack, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.put(w, counter[1]);
            } while (!w.equals(v));
            counter[1]++;
        }
    }
}
