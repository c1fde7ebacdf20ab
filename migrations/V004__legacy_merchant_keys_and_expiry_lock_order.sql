-- Seed 001's sample merchant (INSERT … (merchant_name, merchant_type, contact_email, api_key_hash,
-- is_active)) has no key prefix: such legacy keys are checked by bcrypt against the prefix-less
-- merchants only. Dropping NOT NULL changes only the catalog: no scan, no rewrite, a brief lock.
SET lock_timeout = '5s';
ALTER TABLE rewards.merchants ALTER COLUMN api_key_prefix DROP NOT NULL;

-- expire_old_redemptions() deadlocked when several ran at once (8 in 72 calls with 6 loops): its
-- single statement restocked offers and credited customers in whatever order the rows came.
-- Now the codes it takes are disjoint (SKIP LOCKED), and the offers and customers it touches are
-- locked in one stable order, offers before customers as in a cancellation, so two callers (or a
-- caller and a cancellation) always queue behind each other instead of waiting in a circle.
CREATE OR REPLACE FUNCTION rewards.expire_old_redemptions(p_batch integer DEFAULT 1000) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_ids uuid[];
    v_count integer;
BEGIN
    PERFORM set_config('rewards.actor_type', 'system', true);
    PERFORM set_config('rewards.actor_id', 'expire_old_redemptions', true);
    SELECT array_agg(redemption_id) INTO v_ids FROM (
        SELECT redemption_id FROM rewards.user_redemptions
         WHERE redemption_status = 'pending' AND code_expires_at <= now()
         ORDER BY code_expires_at
         LIMIT p_batch
         FOR UPDATE SKIP LOCKED) due;
    IF v_ids IS NULL THEN
        RETURN 0;
    END IF;

    PERFORM 1 FROM rewards.redemption_offers o
     WHERE (o.tenant_id, o.offer_id) IN (SELECT r.tenant_id, r.offer_id FROM rewards.user_redemptions r WHERE r.redemption_id = ANY (v_ids))
     ORDER BY o.tenant_id, o.offer_id
       FOR UPDATE;
    PERFORM 1 FROM customers c
     WHERE (c.tenant_id, c.id) IN (SELECT r.tenant_id, r.user_id FROM rewards.user_redemptions r WHERE r.redemption_id = ANY (v_ids))
     ORDER BY c.tenant_id, c.id
       FOR UPDATE;

    WITH expired AS (
        UPDATE rewards.user_redemptions r
           SET redemption_status = 'expired', updated_at = now()
         WHERE r.redemption_id = ANY (v_ids) AND r.redemption_status = 'pending'
        RETURNING r.tenant_id, r.redemption_id, r.user_id, r.offer_id, r.lumis_spent
    ), restocked AS (
        UPDATE rewards.redemption_offers o
           SET stock_quantity = o.stock_quantity + c.n, updated_at = now()
          FROM (SELECT tenant_id, offer_id, count(*)::integer AS n FROM expired GROUP BY tenant_id, offer_id) c
         WHERE o.tenant_id = c.tenant_id AND o.offer_id = c.offer_id AND o.stock_quantity IS NOT NULL
        RETURNING o.offer_id
    )
    INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, redemption_id)
    SELECT tenant_id, user_id, lumis_spent, 'refund', 'Código vencido sin canjear', redemption_id
      FROM expired ORDER BY tenant_id, user_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END $$;
