package dev.mostrador.promotions.pricing;

import java.util.Optional;

/** The four oferta types of seed 000; {@link #code()} is the value stored in the {@code tipo} column. */
public enum OfertaTipo {
    PORCENTAJE("porcentaje"),
    PRECIO_CANTIDAD("precio_cantidad"),
    NXM("nxm"),
    REGALO("regalo");

    private final String code;

    OfertaTipo(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Empty for an unknown or null code, so callers decide whether that is a 422 or a data error. */
    public static Optional<OfertaTipo> fromCode(String code) {
        for (OfertaTipo tipo : values()) {
            if (tipo.code.equals(code)) return Optional.of(tipo);
        }
        return Optional.empty();
    }
}
