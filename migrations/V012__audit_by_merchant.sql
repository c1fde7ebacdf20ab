-- A merchant's page lists what its key and portal did lately (look-ups, confirmations, unknown
-- codes, blocks): newest first by actor, without reading the tenant's whole audit log. Partial:
-- staff and system rows, a minority, need no such path.
CREATE INDEX idx_audit_merchant_actor ON rewards.redemption_audit_log (tenant_id, actor_id, created_at DESC)
    WHERE actor_type = 'merchant';
