package dev.mostrador.platform.backup;

import dev.mostrador.platform.config.Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The restore's load order, and the backup settings' defaults and refusals. */
class LoadOrderTest {

    private static SchemaCatalog.ForeignKey key(String name, String child, String parent) {
        return new SchemaCatalog.ForeignKey(name, child, List.of("parent_id"), parent, List.of("id"), "FOREIGN KEY (parent_id) REFERENCES x(id)");
    }

    @Test
    void parentsLoadBeforeChildrenAndOnlyTheKeysOfACycleAreDeferred() {
        LoadOrder order = LoadOrder.of(List.of("public.lines", "public.orders", "public.tenants", "public.a", "public.b", "public.tree"), List.of(
                key("lines_order", "public.lines", "public.orders"),
                key("orders_tenant", "public.orders", "public.tenants"),
                key("a_b", "public.a", "public.b"),
                key("b_a", "public.b", "public.a"),
                key("b_tenant", "public.b", "public.tenants"),
                key("tree_parent", "public.tree", "public.tree"),
                key("outside", "public.lines", "other.unknown")));
        // a waits for no table outside its cycle (its key to b is deferred), so it may come first
        assertEquals(List.of("public.a", "public.tenants", "public.b", "public.orders", "public.lines", "public.tree"), order.tables());
        assertEquals(List.of("a_b", "b_a", "tree_parent"), order.deferredKeys().stream().map(SchemaCatalog.ForeignKey::name).sorted().toList());
    }

    @Test
    void backupSettingsFollowTheDatabaseAndRefuseNonsense() {
        Config embedded = Config.from(Map.of("MOSTRADOR_DATA_DIR", "/srv/mostrador"));
        Config external = Config.from(Map.of("DATABASE_URL", "postgresql://app@db:5432/mostrador"));
        assertEquals(new BackupSettings(Path.of("/srv/mostrador/backups"), true, 10), BackupSettings.from(Map.of(), embedded));
        assertEquals(new BackupSettings(Path.of("backups"), true, 10), BackupSettings.from(Map.of(), external));
        assertEquals(new BackupSettings(Path.of("/b"), false, 3), BackupSettings.from(
                Map.of("MOSTRADOR_BACKUP_DIR", "/b", "MOSTRADOR_BACKUP_BEFORE_MIGRATE", "false", "MOSTRADOR_BACKUP_KEEP", "3"), external));
        assertEquals("MOSTRADOR_BACKUP_KEEP must be a whole number of 1 or more, got '0'", assertThrows(IllegalArgumentException.class,
                () -> BackupSettings.from(Map.of("MOSTRADOR_BACKUP_KEEP", "0"), external)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackupSettings.from(Map.of("MOSTRADOR_BACKUP_BEFORE_MIGRATE", "nope"), external));
    }
}
