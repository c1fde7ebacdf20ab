package dev.mostrador.inventory;

/** Why a movement of stock happened: the reasons the movements ledger accepts (its CHECK lists the same). */
public enum StockMotivo {
    ENTRADA, AJUSTE, CONTEO, RESERVA, LIBERACION, VENTA, CANCELACION, DEVOLUCION;

    public String code() {
        return name().toLowerCase();
    }

    public static StockMotivo of(String code) {
        return valueOf(code.toUpperCase());
    }
}
