package dev.mostrador.rewards;

import dev.mostrador.platform.web.Routes;

/** Admin pages of the rewards program: merchants, reward offers, customers, redemptions. */
public final class RewardsAdminRoutes {
    private final RewardsModule rewards;

    public RewardsAdminRoutes(RewardsModule rewards) {
        this.rewards = rewards;
    }

    public void register(Routes routes) {
        new MerchantRoutes(rewards).register(routes);
        new RewardOfferRoutes(rewards).register(routes);
        CustomerRoutes customers = new CustomerRoutes(rewards);
        customers.register(routes);
        new CustomerLumisRoutes(rewards, customers).register(routes);
        new RedemptionRoutes(rewards).register(routes);
        new LedgerRoutes(rewards).register(routes);
    }
}
