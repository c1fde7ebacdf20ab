package dev.mostrador.catalog;

import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

import java.math.BigDecimal;

/**
 * A product as sent by the form or the API; {@link #precioText} and {@link #stockMinimoText} keep
 * what was typed for a 422. {@code stockMinimo} null (the API without the field) leaves it as it is.
 * The stock counters are not here: they change only through the inventory's movements.
 */
public record ProductoInput(String sku, String nombre, String descripcion, String precioText, BigDecimal precio, boolean activo,
                            String stockMinimoText, Integer stockMinimo) {
    public static final int MAX_STOCK_MINIMO = 1_000_000;

    public ProductoInput(String sku, String nombre, String descripcion, String precioText, BigDecimal precio, boolean activo) {
        this(sku, nombre, descripcion, precioText, precio, activo, "", null);
    }

    public static ProductoInput blank() {
        return new ProductoInput("", "", "", "", null, true, "0", 0);
    }

    /** The edit form shows the price as the tenant writes money ("12.990", "1.990,50"), and reads it back the same. */
    public static ProductoInput of(Producto p, Format format) {
        return new ProductoInput(p.sku(), p.nombre(), p.descripcion() == null ? "" : p.descripcion(),
                format.amount(p.precio()), p.precio(), p.activo(), String.valueOf(p.stockMinimo()), p.stockMinimo());
    }

    public static ProductoInput fromForm(Context ctx, Format format) {
        String precio = trim(ctx.formParam("precio"));
        String minimo = trim(ctx.formParam("stock_minimo"));
        return new ProductoInput(trim(ctx.formParam("sku")), trim(ctx.formParam("nombre")), trim(ctx.formParam("descripcion")),
                precio, format.parseAmount(precio), "true".equals(ctx.formParam("activo")), minimo, wholeOrNull(minimo.isEmpty() ? "0" : minimo));
    }

    /** From JSON; type errors (e.g. "precio": "abc") are already in {@code json.errors()}. */
    public static ProductoInput fromJson(JsonInput json) {
        BigDecimal precio = json.decimal("precio");
        Boolean activo = json.bool("activo");
        Integer minimo = json.has("stock_minimo") ? json.integer("stock_minimo") : null;
        return new ProductoInput(trim(json.text("sku")), trim(json.text("nombre")), trim(json.text("descripcion")),
                precio == null ? "" : precio.toPlainString(), precio, activo == null || activo, minimo == null ? "" : minimo.toString(), minimo);
    }

    /** {@code format} knows the tenant's currency: a price with more decimals than it writes is refused, not rounded. */
    public FieldErrors validate(Messages m, Format format) {
        FieldErrors errors = new FieldErrors();
        if (sku.isEmpty()) errors.add("sku", m.t("validation.required", "SKU"));
        else if (!sku.matches("\\S{1,64}")) errors.add("sku", m.t("productos.sku_format"));
        if (nombre.isEmpty()) errors.add("nombre", m.t("validation.required", m.t("productos.nombre")));
        else if (nombre.length() > 200) errors.add("nombre", m.t("validation.max_length", m.t("productos.nombre"), 200));
        if (descripcion.length() > 2000) errors.add("descripcion", m.t("validation.max_length", m.t("productos.descripcion"), 2000));
        if (precio == null) errors.add("precio", m.t(precioText.isEmpty() ? "validation.required" : "validation.number", m.t("productos.precio")));
        else if (precio.signum() < 0) errors.add("precio", m.t("validation.not_negative", m.t("productos.precio")));
        else if (format.tooPrecise(precio)) {
            errors.add("precio", m.t("validation.money_decimals", m.t("productos.precio"), format.minorUnit(), format.currencyCode()));
        }
        else if (precio.compareTo(new BigDecimal("999999999999")) > 0) errors.add("precio", m.t("validation.too_large", m.t("productos.precio")));
        String minimo = m.t("st.stock.minimo");
        if (stockMinimo == null && !stockMinimoText.isEmpty()) errors.add("stock_minimo", m.t("st.units.whole", minimo));
        else if (stockMinimo != null && (stockMinimo < 0 || stockMinimo > MAX_STOCK_MINIMO)) {
            errors.add("stock_minimo", m.t("st.units.range", minimo, 0, MAX_STOCK_MINIMO));
        }
        return errors;
    }

    private static Integer wholeOrNull(String text) {
        return text.matches("[+-]?\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
