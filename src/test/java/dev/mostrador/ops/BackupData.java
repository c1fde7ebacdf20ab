package dev.mostrador.ops;

import dev.mostrador.inventory.InventorySeed;
import dev.mostrador.rewards.RewardsSeed;
import dev.mostrador.sales.SalesSeed;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the backup tests put in a database and read back from it and from an archive. */
final class BackupData {
    private BackupData() {}

    /** Two tenants with inventory (movements, reservations) and orders; the first with rewards too (ledger, redemptions). */
    static void seed(DSLContext dsl) {
        // The rewards seed's codes are the same in every run and unique across tenants: one tenant takes them.
        new RewardsSeed(dsl, "http://localhost").load("respaldo-norte", new RewardsSeed.Sizes(2, 3, 15, 40));
        for (String slug : new String[] {"respaldo-norte", "respaldo-sur"}) {
            new InventorySeed(dsl).load(slug, new InventorySeed.Sizes(12, 120, 10, 2));
            new SalesSeed(dsl).load(slug, new SalesSeed.Sizes(12, 2, 15, 20));
        }
    }

    /** Rows of every app table ("public.customers" → n), and of every tenant in it ("public.customers tenant-id" → n). */
    static Map<String, Long> counts(DSLContext dsl) {
        Map<String, Long> counts = new TreeMap<>();
        for (var t : dsl.fetch("""
                SELECT n.nspname, c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'r' AND n.nspname IN ('public', 'rewards') AND c.relname <> 'flyway_schema_history'""")) {
            String table = t.get(0, String.class) + "." + t.get(1, String.class);
            String quoted = "\"" + t.get(0, String.class) + "\".\"" + t.get(1, String.class) + "\"";
            counts.put(table, ((Number) dsl.fetchValue("SELECT count(*) FROM " + quoted)).longValue());
            if (t.get(2, Boolean.class)) {
                for (var r : dsl.fetch("SELECT tenant_id::text, count(*) FROM " + quoted + " GROUP BY 1")) {
                    counts.put(table + " " + r.get(0, String.class), r.get(1, Long.class));
                }
            }
        }
        return counts;
    }

    /** The archive's path from the backup command's output ("backup written: /…/mostrador-…zip"). */
    static Path written(String out) {
        Matcher m = Pattern.compile("backup written: (\\S+\\.zip)").matcher(out);
        assertTrue(m.find(), out);
        return Path.of(m.group(1));
    }

    /** The manifest's text. */
    static String manifest(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** COPY text with the first row's {@code column} (of {@code columns}, in order) moved by {@code delta}. */
    static String shiftFirstRow(String copyText, java.util.List<String> columns, String column, long delta) {
        int at = columns.indexOf(column);
        String[] rows = copyText.split("\n", -1);
        String[] values = rows[0].split("\t", -1);
        values[at] = String.valueOf(Long.parseLong(values[at]) + delta);
        rows[0] = String.join("\t", values);
        return String.join("\n", rows);
    }
}
