package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.UserAgents;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An audit row told as a sentence ("Canjeado por Ana Admin desde la web: 800 lümis") from the
 * action and the metadata the trigger (V003: channel, from, to, lumis) and the AuditWriter
 * (verdict, code, reason) write. A row this class does not know still reads as a sentence: the
 * action's name, who and from where, and its other data as words, never as a raw map.
 */
public final class AuditSentences {
    /** Metadata a sentence tells; from and to are the action itself (the trigger's status change). */
    private static final Set<String> TOLD = Set.of("channel", "from", "to", "lumis", "verdict", "code", "reason");
    private static final Set<String> MOVES_LUMIS = Set.of("created", "confirmed", "cancelled", "expired");
    private static final Set<String> VERDICTS = Set.of("pending", "confirmed", "cancelled", "expired");
    /** The actor id of the expiry job (V003/V004 rewards.expire_old_redemptions). */
    static final String EXPIRY_JOB = "expire_old_redemptions";

    private AuditSentences() {}

    public static String sentence(PageContext page, AuditEntry a) {
        Map<String, Object> md = a.metadata() == null ? Map.of() : a.metadata();
        String who = who(page, a);
        String action = a.action() == null ? "" : a.action();
        Long lumis = md.get("lumis") instanceof Number n ? n.longValue() : null;
        if (MOVES_LUMIS.contains(action) && lumis != null) return page.t("rw.audit.s." + action, who, lumis);
        Object verdict = md.get("verdict");
        if ("validated".equals(action)) {
            return VERDICTS.contains(String.valueOf(verdict))
                    ? page.t("rw.audit.s.validated", who, page.t("rw.audit.verdict." + verdict))
                    : page.t("rw.audit.s.validated_bare", who);
        }
        if ("lookup_failed".equals(action) && md.get("code") != null) {
            String typed = String.valueOf(md.get("code"));
            return page.t("rw.audit.s.lookup_failed", who, Codes.normalize(typed).map(Codes::display).orElse(typed));
        }
        if ("rate_limited".equals(action)) return page.t("rw.audit.s.rate_limited", who);
        String label = page.t("rw.audit.action." + action);
        if (label.equals("rw.audit.action." + action)) label = action.isBlank() ? page.t("rw.audit.action.unknown") : action.replace('_', ' ');
        return lumis == null ? page.t("rw.audit.s.generic", label, who) : page.t("rw.audit.s.generic_lumis", label, who, lumis);
    }

    /** Metadata no sentence tells, as «key» value pairs, or null: it is shown, not lost. */
    public static String extras(PageContext page, AuditEntry a) {
        if (a.metadata() == null) return null;
        String rest = new TreeMap<>(a.metadata()).entrySet().stream()
                .filter(e -> !TOLD.contains(e.getKey()) && e.getValue() != null)
                .map(e -> page.t("rw.audit.extra_pair", e.getKey(), String.valueOf(e.getValue())))
                .collect(Collectors.joining(", "));
        return rest.isEmpty() ? null : page.t("rw.audit.extra", rest);
    }

    /** "Ana Admin desde la web", "Café Norte desde el portal de comercios", "el trabajo de vencimiento". */
    static String who(PageContext page, AuditEntry a) {
        String type = a.actorType() == null ? "" : a.actorType();
        String actor = switch (type) {
            case "user" -> a.actorName() != null ? a.actorName() : a.actorId() != null ? a.actorId() : page.t("rw.audit.who.user");
            case "merchant" -> a.actorName() != null ? a.actorName() : page.t("rw.audit.who.merchant");
            case "customer" -> page.t("rw.audit.who.customer");
            case "system" -> page.t(EXPIRY_JOB.equals(a.actorId()) ? "rw.audit.who.expiry_job" : "rw.audit.who.system");
            default -> a.actorId() != null ? a.actorId() : page.t("rw.audit.who.unknown");
        };
        Object channel = a.metadata() == null ? null : a.metadata().get("channel");
        if (channel == null) return actor;
        String where = switch (String.valueOf(channel)) {
            // The merchant's "web" is the portal where its staff type codes; staff's "web" is this back office.
            case "web" -> page.t("merchant".equals(type) ? "rw.audit.channel.portal" : "rw.audit.channel.web");
            case "api" -> page.t("rw.audit.channel.api");
            case "portal" -> page.t("rw.audit.channel.portal");
            default -> page.t("rw.audit.channel.other", String.valueOf(channel));
        };
        return page.t("rw.audit.who_where", actor, where);
    }

    /** "Chrome en Android", "curl", "cliente de API"; "—" without a header. */
    public static String device(PageContext page, String userAgent) {
        UserAgents.Summary s = UserAgents.summarise(userAgent);
        return switch (s.kind()) {
            case NONE -> "—";
            case TOOL -> s.name();
            case API_CLIENT -> s.name() == null ? page.t("rw.ua.api_client") : page.t("rw.ua.api_client_named", s.name());
            case OTHER -> page.t("rw.ua.other");
            case BROWSER -> s.name() == null ? page.t("rw.ua.browser_on", s.os())
                    : s.os() == null ? s.name() : page.t("rw.ua.on", s.name(), s.os());
        };
    }
}
