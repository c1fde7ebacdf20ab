package dev.mostrador.inventory;

import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** The entrada or ajuste form as typed: the product by SKU, the units, the note (required for an ajuste). */
public record StockMoveForm(String sku, String cantidad, String nota) {

    public static StockMoveForm of(Context ctx) {
        return new StockMoveForm(trim(ctx.formParam("sku")), trim(ctx.formParam("cantidad")), trim(ctx.formParam("nota")));
    }

    public static StockMoveForm blank(String sku) {
        return new StockMoveForm(sku == null ? "" : sku.trim(), "", "");
    }

    /** Checks the units and the note; the SKU is checked against the catalog by the caller. */
    public StockUnits.Parsed units(boolean ajuste, Messages m, FieldErrors errors) {
        if (sku.isEmpty()) errors.add("sku", m.t("validation.required", "SKU"));
        StockUnits.Parsed units = StockUnits.parse(cantidad, ajuste, 1, m, m.t("st.cantidad"));
        if (!units.ok()) errors.add("cantidad", units.error());
        String notaError = StockOperations.noteError(nota, ajuste, m);
        if (notaError != null) errors.add("nota", notaError);
        return units;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
