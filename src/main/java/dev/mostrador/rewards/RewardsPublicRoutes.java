package dev.mostrador.rewards;

import dev.mostrador.platform.web.Routes;

/** Pages without staff login: the customer's QR landing page and the merchant's confirmation form. */
public final class RewardsPublicRoutes {
    private final RewardsModule rewards;
    private final MerchantApi.UnknownCodeGuard guard;

    public RewardsPublicRoutes(RewardsModule rewards, MerchantApi.UnknownCodeGuard guard) {
        this.rewards = rewards;
        this.guard = guard;
    }

    public void register(Routes routes) {
        new LandingRoutes(rewards).register(routes);
        MerchantPortalRoutes portal = new MerchantPortalRoutes(rewards);
        portal.register(routes);
        new MerchantCodeRoutes(rewards, portal, guard).register(routes);
    }
}
