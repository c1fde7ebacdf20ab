package dev.mostrador.platform.backup;

import org.jooq.DSLContext;

import java.util.function.ToLongFunction;

/**
 * A rule of the app's data that a restored copy must keep (a ledger adds up to its balance):
 * {@code violations} counts the rows that break it. Features bring their own; platform runs them.
 */
public record Invariant(String name, ToLongFunction<DSLContext> violations) {}
