package dev.mostrador.platform.migrationcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Token helpers over a statement's normalized text (one space between tokens). */
final class SqlTokens {
    private SqlTokens() {}

    static List<String> of(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** The items of a list separated by commas outside parentheses: a table's elements, an ALTER TABLE's actions. */
    static List<List<String>> splitTopLevel(List<String> tokens) {
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        int depth = 0;
        for (String t : tokens) {
            if (t.equals("(") || t.equals("[")) depth++;
            if (t.equals(")") || t.equals("]")) depth--;
            if (t.equals(",") && depth == 0) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(t);
            }
        }
        if (!part.isEmpty()) parts.add(part);
        return parts;
    }

    /** The index of the parenthesis closing the one at {@code open}, or the list's size if it never closes. */
    static int closing(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals("(")) depth++;
            if (tokens.get(i).equals(")") && --depth == 0) return i;
        }
        return tokens.size();
    }

    /** Where a run of words starts in the tokens, or -1. */
    static int indexOf(List<String> tokens, String... words) {
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            boolean all = true;
            for (int j = 0; j < words.length && all; j++) all = tokens.get(i + j).equals(words[j]);
            if (all) return i;
        }
        return -1;
    }

    static boolean contains(List<String> tokens, String... words) {
        return indexOf(tokens, words) >= 0;
    }

    static String join(List<String> tokens) {
        return String.join(" ", tokens);
    }
}
