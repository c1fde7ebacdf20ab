package dev.mostrador.rewards.merchants;

import dev.mostrador.platform.web.PageContext;
import gg.jte.Content;

import java.util.UUID;

/**
 * The part of a merchant's page about its codes (recent confirmations, key activity): the
 * redemptions room renders it and is handed in at wiring time, since redemptions build on
 * merchants and not the other way round.
 */
public interface MerchantActivity {
    Content of(PageContext page, UUID tenantId, UUID merchantId);
}
