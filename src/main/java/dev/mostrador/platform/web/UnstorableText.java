package dev.mostrador.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL cannot store the NUL character in text. Every request is checked once, before any
 * handler, in its path, query string, form fields and JSON body: a query or path answers 400, a
 * form or JSON body 422, naming the parameter or field.
 */
public final class UnstorableText {
    private static final char NUL = '\0';

    private UnstorableText() {}

    /** beforeMatched: refuses the request (answering it) when any of its text holds a NUL. */
    public static void refuse(Context ctx) {
        if (ctx.path().indexOf(NUL) >= 0 || ctx.pathParamMap().values().stream().anyMatch(UnstorableText::holdsNul)) {
            throw new UnstorableField("path", HttpStatus.BAD_REQUEST);
        }
        String query = ctx.queryString();
        if (query != null && (query.contains("%00") || query.indexOf(NUL) >= 0)) {
            throw new UnstorableField(first(ctx.queryParamMap()).orElse("query"), HttpStatus.BAD_REQUEST);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            first(ctx.formParamMap()).ifPresent(field -> {
                throw new UnstorableField(field, HttpStatus.UNPROCESSABLE_CONTENT);
            });
        } else if (type.contains("json")) {
            String body = ctx.body();
            if (body.indexOf(NUL) >= 0 || body.contains("\\u0000")) {
                throw new UnstorableField(jsonField(body).orElse("body"), HttpStatus.UNPROCESSABLE_CONTENT);
            }
        }
    }

    private static Optional<String> first(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (holdsNul(e.getKey()) || e.getValue().stream().anyMatch(UnstorableText::holdsNul)) {
                return Optional.of(e.getKey().replace(NUL, '?'));
            }
        }
        return Optional.empty();
    }

    private static boolean holdsNul(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /** The dotted path of the first JSON field whose name or text holds a NUL. */
    private static Optional<String> jsonField(String body) {
        try {
            return find(JsonInput.MAPPER.readTree(body), "");
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node == null) return Optional.empty();
        if (node.isTextual()) return holdsNul(node.asText()) ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) return found;
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (holdsNul(e.getKey())) return Optional.of(child.replace(NUL, '?'));
                Optional<String> found = find(e.getValue(), child);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** A parameter or field with a NUL: 400 in the path or query, 422 in a form or JSON body. */
    public static final class UnstorableField extends RuntimeException {
        private final String field;
        private final HttpStatus status;

        UnstorableField(String field, HttpStatus status) {
            super(field, null, false, false);
            this.field = field.length() > 100 ? field.substring(0, 100) : field;
            this.status = status;
        }

        public String field() {
            return field;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
