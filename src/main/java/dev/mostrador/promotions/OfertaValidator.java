package dev.mostrador.promotions;

import dev.mostrador.platform.web.ZonedDates;
import dev.mostrador.platform.web.Decimals;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.promotions.pricing.OfertaTipo;
import dev.mostrador.promotions.pricing.ReglaPrecio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Seed 000's rules for the four oferta types; every broken rule names its field. */
public final class OfertaValidator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OfertaValidator() {}

    public record Result(ValidOferta oferta, FieldErrors errors) {}

    /** {@code money} is the tenant's: tier prices are read as it writes them and refused with more decimals than its currency has. */
    public static Result validate(OfertaInput in, Messages m, ZoneId zone, Format money) {
        FieldErrors e = new FieldErrors();
        for (String field : in.typeErrors()) e.add(field, m.t("ofertas.v.type", field));
        String titulo = in.titulo();
        if (titulo.isEmpty()) e.add("titulo", m.t("validation.required", m.t("ofertas.titulo")));
        else if (titulo.length() > 200) e.add("titulo", m.t("validation.max_length", m.t("ofertas.titulo"), 200));
        if (in.descripcion().length() > 2000) e.add("descripcion", m.t("validation.max_length", m.t("ofertas.descripcion"), 2000));

        OffsetDateTime desde = ZonedDates.parse(in.desde(), zone, false);
        OffsetDateTime hasta = ZonedDates.parse(in.hasta(), zone, true);
        if (in.desde().isEmpty()) e.add("desde", m.t("validation.required", m.t("ofertas.desde")));
        else if (desde == null) e.add("desde", m.t("ofertas.v.date"));
        if (in.hasta().isEmpty()) e.add("hasta", m.t("validation.required", m.t("ofertas.hasta")));
        else if (hasta == null) e.add("hasta", m.t("ofertas.v.date"));
        if (desde != null && hasta != null && !desde.isBefore(hasta)) e.add("hasta", m.t("ofertas.v.hasta_after_desde"));

        OfertaTipo tipo = OfertaTipo.fromCode(in.tipo()).orElse(null);
        if (tipo == null) {
            e.add("tipo", m.t("ofertas.v.tipo", Arrays.stream(OfertaTipo.values()).map(OfertaTipo::code).toList()));
        }
        BigDecimal descuento = null;
        List<ReglaPrecio> reglas = null;
        Integer compra = null;
        Integer paga = null;
        Long regalo = null;
        Integer regaloCantidad = wholeNumber(in.regaloCantidad().isEmpty() ? "1" : in.regaloCantidad());
        if (tipo == OfertaTipo.PORCENTAJE) {
            descuento = Decimals.parse(in.descuentoPorcentaje());
            if (in.descuentoPorcentaje().isEmpty()) e.add("descuento_porcentaje", m.t("ofertas.v.porcentaje_required"));
            else if (descuento == null || descuento.signum() <= 0 || descuento.compareTo(HUNDRED) > 0) {
                e.add("descuento_porcentaje", m.t("ofertas.v.porcentaje_range"));
            } else if (descuento.stripTrailingZeros().scale() > 2) e.add("descuento_porcentaje", m.t("ofertas.v.porcentaje_range"));
        } else if (tipo == OfertaTipo.PRECIO_CANTIDAD) {
            reglas = reglas(in.reglas(), m, e, money);
        } else if (tipo == OfertaTipo.NXM) {
            compra = wholeNumber(in.compraCantidad());
            paga = wholeNumber(in.pagaCantidad());
            if (compra == null || compra < 2) e.add("compra_cantidad", m.t("ofertas.v.compra"));
            if (paga == null || paga < 1 || (compra != null && paga >= compra)) e.add("paga_cantidad", m.t("ofertas.v.paga"));
        } else if (tipo == OfertaTipo.REGALO) {
            Long parsed = wholeLong(in.regaloProductoId());
            if (parsed == null || parsed <= 0) e.add("regalo_producto_id", m.t("ofertas.v.regalo_producto"));
            regalo = parsed;
            if (regaloCantidad == null || regaloCantidad < 1) e.add("regalo_cantidad", m.t("ofertas.v.regalo_cantidad"));
        }
        if (regaloCantidad == null || regaloCantidad < 1) regaloCantidad = 1;

        List<Long> ids = new ArrayList<>();
        for (String ref : in.productos()) {
            Long id = wholeLong(ref);
            if (id == null || id <= 0) {
                e.add("productos", m.t("ofertas.v.productos_ids"));
                break;
            }
            if (!ids.contains(id)) ids.add(id);
        }
        Set<String> skus = new LinkedHashSet<>();
        for (String sku : in.productosSkus().split("[,;\\s]+")) if (!sku.isBlank()) skus.add(sku.trim());

        ValidOferta valid = e.isEmpty() ? new ValidOferta(titulo, in.descripcion().isEmpty() ? null : in.descripcion(),
                desde, hasta, in.activa(), tipo, descuento, reglas, compra, paga, regalo, regaloCantidad, ids, List.copyOf(skus)) : null;
        return new Result(valid, e);
    }

    private static List<ReglaPrecio> reglas(List<OfertaInput.Regla> rows, Messages m, FieldErrors e, Format money) {
        if (rows.isEmpty()) {
            e.add("reglas", m.t("ofertas.v.reglas_required"));
            return null;
        }
        List<ReglaPrecio> reglas = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer cantidad = wholeNumber(rows.get(i).cantidad());
            BigDecimal precio = money.parseAmount(rows.get(i).precio());
            if (cantidad == null || cantidad < 1) {
                e.add("reglas", m.t("ofertas.v.regla_cantidad", i + 1));
            } else if (!seen.add(cantidad)) {
                e.add("reglas", m.t("ofertas.v.regla_repetida", i + 1, cantidad));
            } else if (precio == null || precio.signum() < 0 || money.tooPrecise(precio)) {
                e.add("reglas", m.t("ofertas.v.regla_precio", i + 1, money.minorUnit(), money.currencyCode()));
            } else {
                reglas.add(new ReglaPrecio(cantidad, precio.setScale(2)));
            }
        }
        reglas.sort((a, b) -> Integer.compare(a.cantidad(), b.cantidad()));
        return reglas;
    }

    private static Integer wholeNumber(String text) {
        Long value = wholeLong(text);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    private static Long wholeLong(String text) {
        if (text == null || text.isEmpty()) return null;
        try {
            return new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
