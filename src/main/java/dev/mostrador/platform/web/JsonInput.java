package dev.mostrador.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON request body read field by field, collecting one message per bad field, so the API can
 * answer 422 naming each of them instead of a generic 400.
 */
public final class JsonInput {
    /**
     * Numbers are read as written (BigDecimal), never through double: 1e309 would become Infinity
     * and 1e-400 zero. Out-of-range values are then refused by {@link #decimal}.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    /** Digits before the point that any amount or quantity here may have (Long holds 18). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits after the point worth reading; each field's own rule is usually stricter. */
    public static final int MAX_DECIMALS = 10;
    private final JsonNode body;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonInput(JsonNode body) {
        this.body = body;
    }

    /** The body as an object, or null after answering 422 when it is not one. */
    public static JsonInput read(Context ctx) {
        JsonNode node;
        try {
            node = MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            Web.jsonError(ctx, io.javalin.http.HttpStatus.UNPROCESSABLE_CONTENT, "invalid_json",
                    Map.of("body", "must be a JSON object"));
            return null;
        }
        return new JsonInput(node);
    }

    public static JsonInput of(JsonNode node) {
        return new JsonInput(node);
    }

    public JsonNode node() {
        return body;
    }

    public boolean has(String field) {
        return body.hasNonNull(field);
    }

    public String text(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            errors.putIfAbsent(field, "must be a string");
            return null;
        }
        return n.asText();
    }

    public BigDecimal decimal(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        BigDecimal value = null;
        if (n.isNumber()) value = n.decimalValue();
        if (n.isTextual() && n.asText().length() <= 60) {
            try {
                value = new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        if (value == null) {
            errors.putIfAbsent(field, "must be a number");
            return null;
        }
        String outOfRange = outOfRange(value);
        if (outOfRange != null) {
            errors.putIfAbsent(field, outOfRange);
            return null;
        }
        return value;
    }

    /** Why a number cannot be taken, or null when it can. */
    public static String outOfRange(BigDecimal value) {
        if (value.signum() == 0) return null;
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) return "is too large";
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) return "has too many decimal places";
        return null;
    }

    public Integer integer(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.asInt();
        if (n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0 && n.canConvertToInt()) return n.asInt();
        errors.putIfAbsent(field, "must be a whole number");
        return null;
    }

    public Long longValue(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.asLong();
        errors.putIfAbsent(field, "must be a whole number");
        return null;
    }

    public Boolean bool(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isBoolean()) return n.asBoolean();
        errors.putIfAbsent(field, "must be true or false");
        return null;
    }

    public void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
