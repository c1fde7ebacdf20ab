package dev.mostrador.platform.migrationcheck;

/** SAFE: runs on a live database. WARN: look again, it may hurt. BLOCK: locks or breaks a live database; migrate refuses it unless accepted. */
public enum CheckLevel { SAFE, WARN, BLOCK }
