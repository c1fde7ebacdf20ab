-- flyway:executeInTransaction=false
-- A merchant's page lists what its key and portal did lately (look-ups, confirmations, unknown
-- codes, blocks): newest first by actor, without reading the tenant's whole audit log. Partial:
-- staff and system rows, a minority, need no such path. CONCURRENTLY, outside a transaction (see
-- V015): the audit log is the largest table and is written on every look-up.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_audit_merchant_actor ON rewards.redemption_audit_log (tenant_id, actor_id, created_at DESC)
    WHERE actor_type = 'merchant';
