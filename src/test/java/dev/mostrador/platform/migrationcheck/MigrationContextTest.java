package dev.mostrador.platform.migrationcheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A statement's danger depends on the file around it, as squawk reads it. */
class MigrationContextTest {

    static List<String> rules(String sql) {
        return MigrationChecker.check(new MigrationScript("V900__t.sql", "V900__t.sql", sql, AcceptedChecks.NONE)).findings().stream()
                .map(f -> f.level() + " " + f.hit().rule().id() + " line " + f.statement().line()).toList();
    }

    @Test
    void everythingOnATableCreatedEarlierInTheFileIsSafe() {
        assertEquals(List.of(), rules("""
                CREATE TABLE marcas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant_id uuid NOT NULL);
                CREATE INDEX marcas_tenant_idx ON marcas (tenant_id);
                ALTER TABLE marcas ADD COLUMN nombre text NOT NULL;
                ALTER TABLE marcas ADD CONSTRAINT marcas_nombre_check CHECK (length(nombre) < 100);
                ALTER TABLE marcas ADD CONSTRAINT marcas_nombre_key UNIQUE (tenant_id, nombre);
                ALTER TABLE marcas ALTER COLUMN tenant_id TYPE uuid;
                ALTER TABLE public.marcas ALTER COLUMN nombre SET NOT NULL;
                """));
    }

    @Test
    void setNotNullIsSafeOnlyAfterAValidatedCheckOfThatColumn() {
        String notValidated = "SET LOCAL lock_timeout = '5s';\nALTER TABLE productos ADD CONSTRAINT c CHECK (sku IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE productos ALTER COLUMN sku SET NOT NULL;\n";
        assertEquals(List.of("BLOCK adding-not-nullable-field line 3"), rules(notValidated));
        String otherColumn = "SET LOCAL lock_timeout = '5s';\nALTER TABLE productos ADD CONSTRAINT c CHECK (nombre IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE productos VALIDATE CONSTRAINT c;\nALTER TABLE productos ALTER COLUMN sku SET NOT NULL;\n";
        assertEquals(List.of("BLOCK adding-not-nullable-field line 4"), rules(otherColumn));
        String validated = "SET LOCAL lock_timeout = '5s';\nALTER TABLE productos ADD CONSTRAINT c CHECK (sku IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE productos VALIDATE CONSTRAINT c;\nALTER TABLE productos ALTER COLUMN sku SET NOT NULL;\n";
        assertEquals(List.of(), rules(validated));
    }

    @Test
    void constantDefaultsAreSafeVolatileOnesBlockUnknownFunctionsWarn() {
        String t = "SET LOCAL lock_timeout = '5s';\n";
        assertEquals(List.of(), rules(t + "ALTER TABLE p ADD COLUMN a integer NOT NULL DEFAULT 0, ADD COLUMN b timestamptz DEFAULT now(), "
                + "ADD COLUMN c jsonb NOT NULL DEFAULT '{}'::jsonb, ADD COLUMN d text DEFAULT lower('X');"));
        assertEquals(List.of("BLOCK adding-field-with-default line 2"), rules(t + "ALTER TABLE p ADD COLUMN a double precision DEFAULT random();"));
        assertEquals(List.of("WARN adding-field-with-default line 2"), rules(t + "ALTER TABLE p ADD COLUMN a text DEFAULT mi_funcion();"));
        assertEquals(List.of("BLOCK adding-field-with-default line 2"),
                rules(t + "ALTER TABLE p ADD COLUMN total numeric GENERATED ALWAYS AS (precio * 2) STORED;"));
    }

    @Test
    void theTimeoutRuleCountsOnlyLocksThatStopReadsOrWrites() {
        assertEquals(List.of(), rules("ALTER TABLE productos VALIDATE CONSTRAINT c;\nALTER TABLE customers ALTER COLUMN x SET STATISTICS 1000;\nANALYZE customers;"));
        assertEquals(List.of("WARN require-timeout-settings line 1"), rules("CREATE TRIGGER t AFTER INSERT ON pedidos FOR EACH ROW EXECUTE FUNCTION f();"));
        assertEquals(List.of("WARN require-timeout-settings line 2"), rules("CREATE TABLE a (id bigint PRIMARY KEY);\n"
                + "CREATE TABLE b (id bigint PRIMARY KEY, tenant_id uuid REFERENCES tenants (id));"));
    }

    @Test
    void nonTransactionalFilesMustBeRerunnable() {
        String header = "-- flyway:executeInTransaction=false\n";
        assertEquals(List.of(), rules(header + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON p (a);\nDROP INDEX CONCURRENTLY IF EXISTS j;"));
        assertEquals(List.of("BLOCK prefer-robust-stmts line 2", "BLOCK prefer-robust-stmts line 3", "WARN require-timeout-settings line 3"),
                rules(header + "DROP INDEX CONCURRENTLY j;\nALTER TABLE p ADD CONSTRAINT c CHECK (a > 0) NOT VALID;"));
    }
}
