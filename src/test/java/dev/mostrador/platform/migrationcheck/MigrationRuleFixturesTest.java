package dev.mostrador.platform.migrationcheck;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule has a fixture it fires on, and where a safe alternative exists, a twin it stays quiet on. */
class MigrationRuleFixturesTest {
    static final Path FIXTURES = Path.of("src/test/resources/migration-check");

    @ParameterizedTest
    @EnumSource(CheckRule.class)
    void firesOnItsFixtureAndNotOnTheSafeTwin(CheckRule rule) {
        Path fixture = FIXTURES.resolve(rule.id() + ".sql");
        assertTrue(Files.isRegularFile(fixture), "no fixture for " + rule.id());
        List<CheckFinding> findings = check(fixture);
        List<CheckFinding> own = findings.stream().filter(f -> f.hit().rule() == rule).toList();
        assertFalse(own.isEmpty(), rule.id() + " should fire on its fixture: " + findings);
        for (CheckFinding f : own) {
            assertEquals(rule.level(), f.level());
            assertFalse(f.accepted());
        }

        Path twin = FIXTURES.resolve(rule.id() + ".safe.sql");
        if (Files.isRegularFile(twin)) {
            List<CheckFinding> safe = check(twin);
            assertTrue(safe.stream().noneMatch(f -> f.hit().rule() == rule), rule.id() + " fired on the safe twin: " + safe);
            assertTrue(safe.stream().noneMatch(CheckFinding::blocks), "the safe twin of " + rule.id() + " blocks: " + safe);
        }
    }

    static List<CheckFinding> check(Path file) {
        return MigrationChecker.check(MigrationScripts.file(file)).findings();
    }
}
