package dev.mostrador.platform.migrationcheck;

/** A SQL migration to check: its file name (V016__inventory.sql), where it was read from, its text, and the accepts beside it. */
public record MigrationScript(String name, String path, String sql, AcceptedChecks accepted) {}
