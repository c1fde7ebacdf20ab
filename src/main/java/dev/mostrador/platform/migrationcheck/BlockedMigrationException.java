package dev.mostrador.platform.migrationcheck;

import java.util.List;
import java.util.stream.Collectors;

/** migrate's refusal: pending migrations hold statements that would lock or break a live database, and nobody accepted them. */
public final class BlockedMigrationException extends RuntimeException {
    private final List<CheckFinding> blocking;

    public BlockedMigrationException(List<CheckFinding> blocking) {
        super("refusing to migrate: " + blocking.size() + " un-accepted BLOCK in pending migrations (run `mostrador migrations check`)\n"
                + blocking.stream().map(f -> "  " + f.describe()).collect(Collectors.joining("\n")));
        this.blocking = List.copyOf(blocking);
    }

    public List<CheckFinding> blocking() {
        return blocking;
    }
}
