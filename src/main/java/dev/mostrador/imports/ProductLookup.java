package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The tenant's products a batch of rows names by SKU, with what the import compares: their fields, their stock, whether it ever moved. */
final class ProductLookup {
    /** A product's values as {@link ProductImportFields} writes them; {@code onHand}: units in the warehouse (total − sold). */
    record Existing(long id, Map<String, String> values, int onHand, boolean moved) {}

    private ProductLookup() {}

    /**
     * lower(SKU) → the product. {@code lock}: the commit locks them (in id order, as the inventory's
     * ledger locks products) so that "no movements yet" stays true until its entrada is written: an
     * entrada or a sale of the same product waits for the batch, then counts on top of it.
     */
    static Map<String, Existing> bySku(DSLContext ctx, UUID tenantId, Collection<String> skus, boolean lock) {
        Map<String, Existing> found = new HashMap<>();
        if (skus.isEmpty()) return found;
        List<Object[]> rows = Jdbc.list(ctx, "SELECT p.id, lower(p.sku), p.nombre, p.descripcion, p.precio, p.activo, p.stock_minimo, "
                        + "p.stock_total - p.stock_vendido FROM unnest(?::text[]) AS k(sku) JOIN productos p ON p.tenant_id = ? AND lower(p.sku) = k.sku "
                        + "ORDER BY p.id" + (lock ? " FOR NO KEY UPDATE OF p" : ""),
                r -> new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getBigDecimal(5), r.getBoolean(6), r.getInt(7),
                        r.getInt(8)},
                Jdbc.array("text", skus.toArray(String[]::new)), tenantId);
        Set<Long> moved = moved(ctx, tenantId, rows.stream().map(r -> (Long) r[0]).toList());
        for (Object[] r : rows) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", (String) r[2]);
            if (r[3] != null) values.put("description", (String) r[3]);
            values.put("price", ((BigDecimal) r[4]).stripTrailingZeros().toPlainString());
            values.put("active", String.valueOf(r[5]));
            values.put("min_stock", String.valueOf(r[6]));
            long id = (Long) r[0];
            found.put((String) r[1], new Existing(id, values, (Integer) r[7], moved.contains(id)));
        }
        return found;
    }

    /** The products among these that have any stock movement (asked after the lock, so it sees what committed before it). */
    private static Set<Long> moved(DSLContext ctx, UUID tenantId, List<Long> ids) {
        if (ids.isEmpty()) return Set.of();
        return new HashSet<>(Jdbc.list(ctx, "SELECT p.id FROM unnest(?::bigint[]) AS p(id) WHERE EXISTS "
                        + "(SELECT 1 FROM stock_movimientos m WHERE m.tenant_id = ? AND m.producto_id = p.id)",
                r -> r.getLong(1), Jdbc.array("bigint", ids.toArray(Long[]::new)), tenantId));
    }

    /** What a row changes on a product: its catalog values that differ (a price compared as a number); the stock apart. */
    static Map<String, String> changes(Map<String, String> row, Existing current) {
        Map<String, String> diff = new LinkedHashMap<>();
        row.forEach((field, value) -> {
            if (field.equals("sku") || field.equals("stock")) return;
            String now = current.values().get(field);
            boolean same = field.equals("price") ? now != null && new BigDecimal(value).compareTo(new BigDecimal(now)) == 0 : value.equals(now);
            if (!same) diff.put(field, value);
        });
        return diff;
    }
}
