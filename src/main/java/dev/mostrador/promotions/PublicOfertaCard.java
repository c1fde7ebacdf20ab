package dev.mostrador.promotions;

import java.util.List;

/**
 * An oferta as the public page shows it: its badge, a few of its products' names and how many
 * more, each tier of a precio_cantidad ("3 o más: $ 990 c/u") and a regalo's gift.
 */
public record PublicOfertaCard(OfertaRow row, List<String> productNames, int moreProducts, List<String> tiers, String gift) {}
