package dev.mostrador.promotions;

import dev.mostrador.platform.web.Format;
import dev.mostrador.promotions.pricing.ReglaPrecio;

import java.util.Comparator;

/** The short promise shown on a badge: "15% OFF", "3x2", "desde $ 80 c/u", "Regalo: Helado". */
public final class OfertaBadge {
    private OfertaBadge() {}

    public static String of(Oferta o, Format format, String regaloNombre) {
        switch (o.tipo()) {
            case PORCENTAJE:
                return o.descuentoPorcentaje().stripTrailingZeros().toPlainString() + "% OFF";
            case NXM:
                return o.compraCantidad() + "x" + o.pagaCantidad();
            case PRECIO_CANTIDAD:
                ReglaPrecio cheapest = o.reglas().stream().min(Comparator.comparing(ReglaPrecio::precio)).orElseThrow();
                return "desde " + format.money(cheapest.precio()) + " c/u";
            case REGALO:
                String gift = regaloNombre == null ? "#" + o.regaloProductoId() : regaloNombre;
                return "Regalo: " + (o.regaloCantidad() > 1 ? o.regaloCantidad() + " × " : "") + gift;
            default:
                throw new IllegalStateException(o.tipo().toString());
        }
    }
}
