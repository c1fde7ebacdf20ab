package dev.mostrador.imports;

import dev.mostrador.platform.web.Format;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What each checked row does to the tenant's products, decided against the database as it is now
 * (the dry run to show it, each commit batch again). The initial stock: a new product gets it as
 * an entrada; an existing one only while it has no stock movement at all. A product that already
 * moved keeps its stock (the ledger and counts own it from then on): a row asking for the same
 * units it has in the warehouse is fine, one asking for different units is an error of its row,
 * so nobody believes the stock was set when it was not.
 */
final class ProductDecisions {
    private ProductDecisions() {}

    /** The dry run's rules for a tenant's products: prices and units read as it writes them. */
    static ImportDryRun.Rules rules(Format format) {
        Map<String, Integer> seen = new HashMap<>();
        return new ImportDryRun.Rules() {
            @Override
            public ImportRows.Checked check(Map<String, String> cells) {
                return ProductImportFields.check(cells, format);
            }

            @Override
            public String[] repeat(String key, ImportRows.Row row) {
                String sku = ProductImportFields.keyOf(row.values().get("sku"));
                Integer first = sku == null ? null : seen.putIfAbsent(sku, row.line());
                return first == null ? null : new String[] {"sku", "import.err.duplicate|" + first};
            }

            @Override
            public List<ImportRows.Decision> decide(DSLContext ctx, UUID tenantId, String key, String mode, List<ImportRows.Row> rows) {
                return ProductDecisions.decide(ctx, tenantId, mode, rows, false);
            }
        };
    }

    /** {@code lock}: the commit's batch, which locks the products it matched (see {@link ProductLookup#bySku}). */
    static List<ImportRows.Decision> decide(DSLContext ctx, UUID tenantId, String mode, List<ImportRows.Row> rows, boolean lock) {
        Set<String> skus = new LinkedHashSet<>();
        for (ImportRows.Row r : rows) {
            String k = ProductImportFields.keyOf(r.values().get("sku"));
            if (k != null) skus.add(k);
        }
        Map<String, ProductLookup.Existing> existing = ProductLookup.bySku(ctx, tenantId, skus, lock);
        List<ImportRows.Decision> out = new ArrayList<>(rows.size());
        for (ImportRows.Row r : rows) {
            String sku = ProductImportFields.keyOf(r.values().get("sku"));
            ProductLookup.Existing p = sku == null ? null : existing.get(sku);
            if (sku == null) out.add(error(r, "sku", "import.err.key_missing"));
            else if (p != null) out.add(mode.equals("create") ? new ImportRows.Decision(r.line(), "unchanged", "sku", "import.note.exists", p.id(), null)
                    : update(r, p));
            else if (mode.equals("update")) out.add(error(r, "sku", "import.products.err.not_found"));
            else if (!r.values().containsKey("name")) out.add(error(r, "name", "import.products.err.name_required"));
            else out.add(new ImportRows.Decision(r.line(), "new", null, null, null, r.values()));
        }
        return out;
    }

    private static ImportRows.Decision update(ImportRows.Row r, ProductLookup.Existing p) {
        Map<String, String> write = new LinkedHashMap<>(ProductLookup.changes(r.values(), p));
        String stock = r.values().get("stock");
        if (stock != null) {
            int units = Integer.parseInt(stock);
            if (!p.moved()) {
                if (units > 0) write.put("stock", stock); // the initial stock of a product that never moved
            } else if (units != p.onHand()) {
                return error(r, "stock", "import.products.err.stock_moved|" + p.onHand());
            }
        }
        return write.isEmpty() ? new ImportRows.Decision(r.line(), "unchanged", null, null, p.id(), null)
                : new ImportRows.Decision(r.line(), "update", null, null, p.id(), write);
    }

    private static ImportRows.Decision error(ImportRows.Row r, String field, String reason) {
        return new ImportRows.Decision(r.line(), "error", field, reason, null, null);
    }
}
