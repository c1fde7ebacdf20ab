package dev.mostrador.promotions.pricing;

/** The machine codes of {@link Explicacion#motivo()}; templates translate them, tests assert them. */
public final class Motivos {

    /** The oferta changed the quote (discounted a line or added a gift). */
    public static final String APLICADA = "aplicada";
    /** Another oferta saves more on this line (or the same, and wins the tie-break). */
    public static final String MEJOR_OFERTA_OTRA = "mejor_oferta_otra";
    /** None of the oferta's products is in the cart (or the cart is empty). */
    public static final String SIN_PRODUCTOS_EN_CARRITO = "sin_productos_en_carrito";
    /** The line has fewer units than the oferta needs (nxm below N, below the smallest tier). */
    public static final String CANTIDAD_INSUFICIENTE = "cantidad_insuficiente";
    /** The oferta would not lower the price (tier price ≥ list price, saving under a cent). */
    public static final String SIN_AHORRO = "sin_ahorro";
    /** The gift product is missing from the catalog or inactive. */
    public static final String REGALO_INACTIVO = "regalo_inactivo";
    /** The oferta lacks the fields its tipo needs; validation should have caught it, so we skip it safely. */
    public static final String OFERTA_INVALIDA = "oferta_invalida";

    private Motivos() {}
}
