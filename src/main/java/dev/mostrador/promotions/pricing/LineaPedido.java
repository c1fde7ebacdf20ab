package dev.mostrador.promotions.pricing;

/** One line of the cart as the customer typed it; the same product may appear on several lines. */
public record LineaPedido(long productoId, int cantidad) {}
