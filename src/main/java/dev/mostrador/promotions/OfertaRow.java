package dev.mostrador.promotions;

/** An oferta as a list shows it: with its badge and its state now. */
public record OfertaRow(Oferta oferta, String badge, Oferta.Estado estado) {}
