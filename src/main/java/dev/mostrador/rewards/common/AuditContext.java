package dev.mostrador.rewards.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who is acting, handed to the audit trigger through transaction-local settings
 * ({@code set_config(name, value, true)}): they vanish at commit and never leak to the next
 * transaction on the same pooled connection.
 */
public record AuditContext(String actorType, String actorId, String ip, String userAgent, Map<String, Object> metadata) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public AuditContext {
        // The trigger casts the IP to inet: anything that is not an address literal is dropped here.
        if (ip != null && ip.startsWith("[") && ip.endsWith("]")) ip = ip.substring(1, ip.length() - 1);
        if (ip != null && !IP_LITERAL.matcher(ip).matches()) ip = null;
    }

    public static AuditContext system(String actorId) {
        return new AuditContext("system", actorId, null, null, Map.of());
    }

    /** The five set_config calls: a statement of their own ({@link #applyTo}) or a CTE of a larger one; binds: {@link #settings()}. */
    public static final String SET_CONFIG = "SELECT set_config('rewards.actor_type', ?, true), set_config('rewards.actor_id', ?, true), "
            + "set_config('rewards.ip', ?, true), set_config('rewards.user_agent', ?, true), set_config('rewards.metadata', ?, true)";

    public void applyTo(DSLContext tx) {
        tx.fetch(SET_CONFIG, settings());
    }

    /** The values of {@link #SET_CONFIG}'s five binds, in order. */
    public Object[] settings() {
        try {
            return new Object[] {actorType, actorId == null ? "" : actorId, ip == null ? "" : ip,
                    userAgent == null ? "" : userAgent.substring(0, Math.min(500, userAgent.length())),
                    JSON.writeValueAsString(metadata == null ? Map.of() : metadata)};
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
