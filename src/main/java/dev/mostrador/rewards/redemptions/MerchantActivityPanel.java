package dev.mostrador.rewards.redemptions;

import dev.mostrador.rewards.merchants.MerchantActivity;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.templates.Templates;
import gg.jte.Content;

import java.util.UUID;

/** A merchant's recent confirmations and key activity, for the merchant's page. */
public final class MerchantActivityPanel implements MerchantActivity {
    private static final int ROWS = 20;
    private final Templates templates;
    private final RedemptionRepository redemptions;
    private final AuditTrailRepository auditTrail;

    public MerchantActivityPanel(Templates templates, RedemptionRepository redemptions, AuditTrailRepository auditTrail) {
        this.templates = templates;
        this.redemptions = redemptions;
        this.auditTrail = auditTrail;
    }

    @Override
    public Content of(PageContext page, UUID tenantId, UUID merchantId) {
        return templates.rewardsRedemptionsMerchantActivity(page, redemptions.confirmedBy(tenantId, merchantId, ROWS),
                auditTrail.byMerchant(tenantId, merchantId, ROWS));
    }
}
