package dev.mostrador.rewards;

import dev.mostrador.platform.web.Routes;

/** Admin pages of the rewards program: merchants, reward offers, customers, redemptions. */
public final class RewardsAdminRoutes {
    private final RewardsModule rewards;

    public RewardsAdminRoutes(RewardsModule rewards) {
        this.rewards = rewards;
    }

    public void register(Routes routes) {
        // Filled in by the admin pages change.
    }
}
