package dev.mostrador.platform.migrationcheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A BLOCK passes only when someone wrote down why: inline before the statement, or in accepted-checks.txt for applied files. */
class MigrationAcceptsTest {
    static final String DROP = "SET LOCAL lock_timeout = '5s';\nALTER TABLE productos DROP COLUMN descripcion;\n";

    static MigrationReview review(String sql, AcceptedChecks accepted) {
        return MigrationReview.of(List.of(new MigrationScript("V050__drop.sql", "migrations/V050__drop.sql", sql, accepted)));
    }

    @Test
    void anInlineAcceptWithAReasonLetsTheStatementThrough() {
        MigrationReview r = review("SET LOCAL lock_timeout = '5s';\n-- nothing reads it since 2.3\n"
                + "-- migration-check: accept ban-drop-column because no release reads descripcion since 2.3\n"
                + "ALTER TABLE productos DROP COLUMN descripcion;\n", AcceptedChecks.NONE);
        assertTrue(r.passes(), r.summary());
        assertEquals("no release reads descripcion since 2.3", r.findings().get(0).acceptedBecause());
        assertTrue(r.findings().get(0).describe().endsWith("[accepted: no release reads descripcion since 2.3]"));
    }

    @Test
    void anAcceptWithoutAReasonIsReportedAndAcceptsNothing() {
        MigrationReview r = review("SET LOCAL lock_timeout = '5s';\n-- migration-check: accept ban-drop-column\n"
                + "ALTER TABLE productos DROP COLUMN descripcion;\n", AcceptedChecks.NONE);
        assertFalse(r.passes());
        assertEquals(List.of("accept-without-reason", "ban-drop-column"),
                r.findings().stream().map(f -> f.hit().rule().id()).sorted().toList());
        assertEquals(1, r.blocking().size());
    }

    @Test
    void anAcceptForAnotherRuleOrAnotherStatementDoesNotCount() {
        MigrationReview r = review("-- migration-check: accept ban-drop-column because it is old\nSET LOCAL lock_timeout = '5s';\n"
                + "-- migration-check: accept renaming-column because wrong rule\nALTER TABLE productos DROP COLUMN descripcion;\n", AcceptedChecks.NONE);
        assertEquals(1, r.blocking().size());
    }

    @Test
    void theAcceptedChecksFileNamesAStatementByNumberOrHash() {
        String hash = SqlSplitter.split(DROP).get(1).hash();
        assertTrue(review(DROP, AcceptedChecks.parse("a", "# applied\nV050 2 ban-drop-column emptied in V049\n")).passes());
        assertTrue(review(DROP, AcceptedChecks.parse("a", "V050 " + hash + " ban-drop-column emptied in V049\n")).passes());
        assertFalse(review(DROP, AcceptedChecks.parse("a", "V051 2 ban-drop-column another file\n")).passes());
        assertFalse(review(DROP, AcceptedChecks.parse("a", "V050 1 ban-drop-column another statement\n")).passes());
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class, () -> AcceptedChecks.parse("accepted-checks.txt", "\nV050 2 ban-drop-column\n"));
        assertEquals("accepted-checks.txt:2: not '<V001> <statement number or hash> <rule-id> <reason>' with a known rule: V050 2 ban-drop-column",
                noReason.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AcceptedChecks.parse("a", "V050 2 no-such-rule because\n"));
    }

    @Test
    void theAppsOwnMigrationsPass() {
        MigrationReview r = MigrationReview.of(MigrationScripts.packaged());
        assertTrue(r.passes(), r.blocking().toString());
        assertTrue(r.files().size() >= 34, r.summary());
        assertTrue(r.findings().stream().allMatch(CheckFinding::accepted), "every finding of an applied migration is triaged: "
                + r.findings().stream().filter(f -> !f.accepted()).map(CheckFinding::describe).toList());
    }
}
