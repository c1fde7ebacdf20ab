package dev.mostrador.platform.migrationcheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlSplitterTest {

    @Test
    void semicolonsInCommentsStringsAndBodiesDoNotEndAStatement() {
        List<SqlStatement> s = SqlSplitter.split("""
                -- first; still a comment
                /* block; /* nested; */ still; */ CREATE TABLE "Odd;Name" (a text DEFAULT 'x;y''z;');
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    RAISE NOTICE 'a;b'; RETURN NEW;
                END $body$;
                SELECT E'it\\'s; fine', $$ ; $$ , $1;
                CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; SELECT 2; END;
                ALTER TABLE t
                    ADD COLUMN b text
                """);
        assertEquals(List.of(
                "CREATE TABLE ODD;NAME ( A TEXT DEFAULT '?' )",
                "CREATE FUNCTION F ( ) RETURNS TRIGGER LANGUAGE PLPGSQL AS $$?$$",
                "SELECT '?' , $$?$$ , $1",
                "CREATE FUNCTION G ( A INT ) RETURNS INT LANGUAGE SQL BEGIN ATOMIC SELECT CASE WHEN A > 0 THEN 1 END ; SELECT 2 ; END",
                "ALTER TABLE T ADD COLUMN B TEXT"), s.stream().map(SqlStatement::normalized).toList());
        assertEquals(List.of(2, 3, 7, 8, 9), s.stream().map(SqlStatement::line).toList());
        assertEquals(List.of("first; still a comment"), s.get(0).comments());
        assertEquals(List.of(1, 2, 3, 4, 5), s.stream().map(SqlStatement::number).toList());
    }

    @Test
    void theHashIgnoresLayoutAndComments() {
        SqlStatement a = SqlSplitter.split("ALTER TABLE t ADD COLUMN b text;").get(0);
        SqlStatement b = SqlSplitter.split("-- why\nalter table t\n    add column b text -- note\n;").get(0);
        assertEquals(a.hash(), b.hash());
        assertEquals(8, a.hash().length());
    }
}
