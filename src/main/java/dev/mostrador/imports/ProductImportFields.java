package dev.mostrador.imports;

import dev.mostrador.catalog.ProductoInput;
import dev.mostrador.inventory.StockUnits;
import dev.mostrador.platform.web.Format;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product fields an import can fill, the column names each answers to (Spanish and English),
 * and the check of one row. The checks mirror the catalog's ProductoInput and V002's constraints
 * (SKU without spaces up to 64, name up to 200, description up to 2000, a price as the tenant
 * writes money with no more decimals than its currency has); the initial stock is whole units,
 * 0 to the inventory's maximum of one entry.
 */
public final class ProductImportFields {
    public static final List<String> FIELDS = List.of("sku", "name", "description", "price", "active", "stock", "min_stock");
    /** A product is found by its SKU (any case), which the catalog's unique index keeps one per tenant. */
    public static final List<String> KEYS = List.of("sku");
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999");

    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "sku", List.of("sku", "codigo", "cod", "code", "codigo producto", "codigo articulo", "product code", "item code", "ref",
                    "referencia", "reference", "part number"),
            "name", List.of("name", "nombre", "producto", "product", "nombre producto", "product name", "articulo", "titulo", "title"),
            "description", List.of("description", "descripcion", "detalle", "details", "desc"),
            "price", List.of("price", "precio", "precio venta", "precio unitario", "precio de venta", "unit price", "sale price", "pvp", "valor"),
            "active", List.of("active", "activo", "habilitado", "enabled", "vigente", "estado", "status"),
            "stock", List.of("stock", "cantidad", "existencia", "existencias", "qty", "quantity", "stock inicial", "initial stock",
                    "unidades", "units", "inventario", "on hand", "saldo"),
            "min_stock", List.of("min stock", "stock minimo", "minimo", "minimum stock", "stock min", "punto de pedido", "reorder point"));

    private ProductImportFields() {}

    static Optional<String> byName(String header) {
        String f = ImportKind.fold(header);
        for (String field : FIELDS) {
            if (ImportKind.fold(field).equals(f) || SYNONYMS.get(field).contains(f)) return Optional.of(field);
        }
        return Optional.empty();
    }

    /** The SKU as rows and products are compared (the unique index's lower(sku)). */
    static String keyOf(String sku) {
        return sku == null || sku.isBlank() ? null : sku.strip().toLowerCase();
    }

    /**
     * Checks one row's mapped cells (field → text as in the file) and writes them plainly: the price
     * "1.234,50" as "1234.50", the stock "1.000" (es-CL) as "1000", yes/no as true/false. Empty
     * cells are left out: an import never blanks what a product has.
     */
    static ImportRows.Checked check(Map<String, String> cells, Format format) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            String field = e.getKey(), raw = e.getValue() == null ? "" : e.getValue().strip();
            if (raw.length() > ImportTable.MAX_CELL) return ImportRows.Checked.error(field, "import.err.too_long");
            if (raw.isEmpty()) continue;
            String error = switch (field) {
                case "sku" -> raw.matches("(?U)\\S{1,64}") ? null : "import.err.sku"; // (?U): a no-break space is a space, as PostgreSQL's \s says
                case "name" -> raw.length() > 200 ? "import.err.too_long" : null;
                case "description" -> raw.length() > 2000 ? "import.err.too_long" : null;
                case "price" -> priceError(format.parseAmount(raw), format);
                case "active" -> active(raw) == null ? "import.err.boolean" : null;
                case "stock" -> unitsError(format.parseAmount(raw), StockUnits.MAX, "import.err.stock");
                case "min_stock" -> unitsError(format.parseAmount(raw), ProductoInput.MAX_STOCK_MINIMO, "import.err.min_stock");
                default -> null;
            };
            if (error != null) return ImportRows.Checked.error(field, error);
            v.put(field, switch (field) {
                case "price" -> format.parseAmount(raw).stripTrailingZeros().toPlainString();
                case "stock", "min_stock" -> String.valueOf(format.parseAmount(raw).intValueExact());
                case "active" -> String.valueOf(active(raw));
                default -> raw;
            });
        }
        return new ImportRows.Checked(v, null, null);
    }

    /** Yes/no, or the state's own words (activo / inactivo); null when it is neither. */
    private static Boolean active(String raw) {
        return switch (ImportKind.fold(raw)) {
            case "activo", "activa", "active" -> true;
            case "inactivo", "inactiva", "inactive" -> false;
            default -> ImportKind.yesNo(raw);
        };
    }

    private static String priceError(BigDecimal price, Format format) {
        if (price == null) return "import.err.price";
        if (price.signum() < 0) return "import.err.price_negative";
        if (format.tooPrecise(price)) return "import.err.price_decimals|" + format.currencyCode();
        if (price.compareTo(MAX_PRICE) > 0) return "import.err.price_too_large";
        return null;
    }

    /** Whole units from 0 to max: "12", "1.000" (the tenant's grouping); not "1,5", "-3" or "doce". */
    private static String unitsError(BigDecimal units, int max, String reason) {
        if (units == null) return reason;
        if (units.signum() < 0) return reason + "_negative";
        if (units.stripTrailingZeros().scale() > 0 || units.compareTo(BigDecimal.valueOf(max)) > 0) return reason;
        return null;
    }
}
