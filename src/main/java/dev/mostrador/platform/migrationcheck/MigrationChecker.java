package dev.mostrador.platform.migrationcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Checks a migration file: every statement classified in the file's context, accepts applied. */
public final class MigrationChecker {
    private MigrationChecker() {}

    public record FileCheck(String file, int statements, List<CheckFinding> findings) {}

    public static FileCheck check(MigrationScript script) {
        String sql = script.sql();
        MigrationFileContext ctx = new MigrationFileContext(MigrationFileContext.transactional(sql));
        List<SqlStatement> statements = SqlSplitter.split(sql);
        List<CheckFinding> findings = new ArrayList<>();
        for (SqlStatement s : statements) {
            List<RuleHit> hits = merged(StatementRules.classify(s, ctx));
            Map<String, String> inline = inlineAccepts(s, hits);
            for (RuleHit hit : hits) {
                String reason = inline.get(hit.rule().id());
                if (reason == null) reason = script.accepted().reason(script.name(), s, hit.rule().id());
                findings.add(new CheckFinding(script.path(), s, hit, reason));
            }
        }
        if (ctx.openTransaction != null) {
            findings.add(new CheckFinding(script.path(), ctx.openTransaction, new RuleHit(CheckRule.BAN_UNCOMMITTED_TRANSACTION, "begin"), null));
        }
        return new FileCheck(script.path(), statements.size(), findings);
    }

    /** One finding per rule and statement: five varchar columns of one CREATE TABLE are one line naming the five. */
    private static List<RuleHit> merged(List<RuleHit> hits) {
        Map<CheckRule, RuleHit> byRule = new LinkedHashMap<>();
        for (RuleHit h : hits) {
            byRule.merge(h.rule(), h, (a, b) -> new RuleHit(a.rule(), a.level().compareTo(b.level()) >= 0 ? a.level() : b.level(),
                    a.target() + ", " + b.target()));
        }
        return new ArrayList<>(byRule.values());
    }

    /** The statement's accept comments by rule id; one without a reason, or naming no rule, is itself a finding. */
    private static Map<String, String> inlineAccepts(SqlStatement s, List<RuleHit> hits) {
        Map<String, String> accepts = new HashMap<>();
        for (String comment : s.comments()) {
            Matcher m = AcceptedChecks.INLINE.matcher(comment);
            if (!m.find()) continue;
            String rule = m.group(1);
            String reason = m.group(2) == null ? "" : m.group(2).strip();
            if (CheckRule.byId(rule) == null) hits.add(new RuleHit(CheckRule.UNKNOWN_RULE_ACCEPTED, rule));
            else if (reason.isEmpty()) hits.add(new RuleHit(CheckRule.ACCEPT_WITHOUT_REASON, rule));
            else accepts.put(rule, reason);
        }
        return accepts;
    }
}
