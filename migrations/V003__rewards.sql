-- Rewards (seed 001): customers with a lümis ledger, reward offers with stock, redemptions with
-- unique codes, merchants with bcrypt API keys, an audit log and merchant stats kept by triggers.
-- Schema rewards holds exactly the seed's four tables; the ledger (the seed's fact_accumulations)
-- and the customers stay in public, beside the other tenant-owned tables.

CREATE SCHEMA rewards;

CREATE TABLE customers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email          text CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    phone          text CHECK (length(phone) <= 40),
    lumis_balance  bigint NOT NULL DEFAULT 0 CHECK (lumis_balance >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX customers_email_key ON customers (tenant_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_name_idx ON customers (tenant_id, lower(name), id);

CREATE TABLE rewards.merchants (
    merchant_id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id             uuid NOT NULL REFERENCES tenants (id),
    merchant_name         varchar(200) NOT NULL CHECK (length(btrim(merchant_name)) >= 1),
    merchant_type         varchar(50),
    contact_email         varchar(254),
    contact_phone         varchar(40),
    api_key_prefix        varchar(16) NOT NULL UNIQUE,
    api_key_hash          varchar(100) NOT NULL,
    webhook_url           text,
    is_active             boolean NOT NULL DEFAULT true,
    total_redemptions     integer NOT NULL DEFAULT 0,
    total_lumis_redeemed  bigint NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, merchant_id),
    UNIQUE (tenant_id, merchant_name)
);
CREATE INDEX idx_merchants_active ON rewards.merchants (tenant_id) WHERE is_active;
CREATE INDEX idx_merchants_name ON rewards.merchants (tenant_id, lower(merchant_name));

CREATE TABLE rewards.redemption_offers (
    offer_id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid NOT NULL REFERENCES tenants (id),
    name_friendly        varchar(200) NOT NULL CHECK (length(btrim(name_friendly)) >= 1),
    description          text,
    offer_category       varchar(50),
    lumis_cost           integer NOT NULL CHECK (lumis_cost > 0),
    stock_quantity       integer CHECK (stock_quantity >= 0),
    merchant_id          uuid,
    is_active            boolean NOT NULL DEFAULT true,
    valid_from           timestamptz NOT NULL DEFAULT now(),
    valid_to             timestamptz,
    code_lifetime_hours  integer NOT NULL DEFAULT 72 CHECK (code_lifetime_hours BETWEEN 1 AND 8760),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, offer_id),
    CHECK (valid_to IS NULL OR valid_from < valid_to),
    FOREIGN KEY (tenant_id, merchant_id) REFERENCES rewards.merchants (tenant_id, merchant_id)
);
CREATE INDEX idx_offers_active_valid ON rewards.redemption_offers (tenant_id, valid_to) WHERE is_active;
CREATE INDEX idx_offers_category ON rewards.redemption_offers (tenant_id, offer_category);
CREATE INDEX idx_offers_cost ON rewards.redemption_offers (tenant_id, lumis_cost);
CREATE INDEX idx_offers_merchant ON rewards.redemption_offers (tenant_id, merchant_id);

CREATE TABLE rewards.user_redemptions (
    redemption_id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id                 uuid NOT NULL REFERENCES tenants (id),
    user_id                   bigint NOT NULL,
    offer_id                  uuid NOT NULL,
    lumis_spent               integer NOT NULL CHECK (lumis_spent > 0),
    redemption_code           varchar(32) NOT NULL,
    qr_image_url              text,
    qr_landing_url            text,
    redemption_status         varchar(20) NOT NULL DEFAULT 'pending'
                              CHECK (redemption_status IN ('pending', 'confirmed', 'cancelled', 'expired')),
    validated_by_merchant_id  uuid,
    validated_at              timestamptz,
    code_expires_at           timestamptz NOT NULL,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, redemption_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, offer_id) REFERENCES rewards.redemption_offers (tenant_id, offer_id),
    FOREIGN KEY (tenant_id, validated_by_merchant_id) REFERENCES rewards.merchants (tenant_id, merchant_id),
    CHECK ((redemption_status = 'confirmed') = (validated_at IS NOT NULL))
);
CREATE UNIQUE INDEX idx_redemptions_code ON rewards.user_redemptions (redemption_code);
CREATE INDEX idx_redemptions_user ON rewards.user_redemptions (tenant_id, user_id, created_at DESC);
CREATE INDEX idx_redemptions_status ON rewards.user_redemptions (tenant_id, redemption_status, created_at DESC);
CREATE INDEX idx_redemptions_offer ON rewards.user_redemptions (tenant_id, offer_id);
CREATE INDEX idx_redemptions_merchant ON rewards.user_redemptions (tenant_id, validated_by_merchant_id, validated_at DESC);
CREATE INDEX idx_redemptions_created ON rewards.user_redemptions (tenant_id, created_at DESC);
-- The expiry job reads only pending codes past their time.
CREATE INDEX idx_redemptions_pending_expiry ON rewards.user_redemptions (code_expires_at) WHERE redemption_status = 'pending';

CREATE TABLE rewards.redemption_audit_log (
    log_id         bigserial PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    redemption_id  uuid,
    action         varchar(30) NOT NULL
                   CHECK (action IN ('created', 'validated', 'confirmed', 'cancelled', 'expired', 'lookup_failed', 'rate_limited')),
    actor_type     varchar(20) NOT NULL CHECK (actor_type IN ('user', 'customer', 'merchant', 'system')),
    actor_id       varchar(100),
    ip_address     inet,
    user_agent     text,
    metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_audit_redemption ON rewards.redemption_audit_log (redemption_id, created_at);
CREATE INDEX idx_audit_action ON rewards.redemption_audit_log (tenant_id, action, created_at DESC);
CREATE INDEX idx_audit_created ON rewards.redemption_audit_log (created_at);

-- The lümis ledger: append-only; every row moves the customer's balance, which can never go
-- below zero (CHECK on customers). Negative rows link to the redemption that spent them.
CREATE TABLE fact_accumulations (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      uuid NOT NULL,
    customer_id    bigint NOT NULL,
    amount         integer NOT NULL CHECK (amount <> 0),
    kind           text NOT NULL CHECK (kind IN ('earn', 'redeem', 'refund', 'adjust')),
    reason         text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    redemption_id  uuid,
    created_by     bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, redemption_id) REFERENCES rewards.user_redemptions (tenant_id, redemption_id),
    CHECK (kind NOT IN ('redeem', 'refund') OR redemption_id IS NOT NULL),
    CHECK (kind <> 'redeem' OR amount < 0)
);
CREATE INDEX fact_accumulations_customer_idx ON fact_accumulations (tenant_id, customer_id, id DESC);
CREATE INDEX fact_accumulations_redemption_idx ON fact_accumulations (redemption_id) WHERE redemption_id IS NOT NULL;

CREATE FUNCTION apply_ledger_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers SET lumis_balance = lumis_balance + NEW.amount, updated_at = now()
     WHERE tenant_id = NEW.tenant_id AND id = NEW.customer_id;
    RETURN NEW;
END $$;
CREATE TRIGGER trg_apply_ledger_row AFTER INSERT ON fact_accumulations
    FOR EACH ROW EXECUTE FUNCTION apply_ledger_row();

CREATE FUNCTION forbid_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fact_accumulations is append-only: add a correcting row instead';
END $$;
CREATE TRIGGER trg_forbid_ledger_change BEFORE UPDATE OR DELETE ON fact_accumulations
    FOR EACH ROW EXECUTE FUNCTION forbid_ledger_change();

-- Audit: the application hands actor, IP, user agent and metadata to the trigger through
-- transaction-local settings (set_config(..., true)); with none set, the actor is 'system'.
CREATE FUNCTION rewards.audit_redemption_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_action text;
    v_row rewards.user_redemptions;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_action := 'created'; v_row := NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.redemption_status IS NOT DISTINCT FROM OLD.redemption_status THEN RETURN NEW; END IF;
        v_action := NEW.redemption_status; v_row := NEW;
    ELSE
        v_action := 'cancelled'; v_row := OLD;
    END IF;
    INSERT INTO rewards.redemption_audit_log (tenant_id, redemption_id, action, actor_type, actor_id, ip_address, user_agent, metadata)
    VALUES (v_row.tenant_id, v_row.redemption_id, v_action,
            coalesce(nullif(current_setting('rewards.actor_type', true), ''), 'system'),
            nullif(current_setting('rewards.actor_id', true), ''),
            nullif(current_setting('rewards.ip', true), '')::inet,
            nullif(current_setting('rewards.user_agent', true), ''),
            coalesce(nullif(current_setting('rewards.metadata', true), ''), '{}')::jsonb
              || jsonb_build_object('from', CASE WHEN TG_OP = 'UPDATE' THEN OLD.redemption_status END,
                                    'to', v_row.redemption_status, 'lumis', v_row.lumis_spent));
    RETURN NULL;
END $$;
CREATE TRIGGER trg_audit_redemption_changes AFTER INSERT OR UPDATE OR DELETE ON rewards.user_redemptions
    FOR EACH ROW EXECUTE FUNCTION rewards.audit_redemption_change();

-- Merchant stats change only on pending → confirmed.
CREATE FUNCTION rewards.update_merchant_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.redemption_status = 'pending' AND NEW.redemption_status = 'confirmed' AND NEW.validated_by_merchant_id IS NOT NULL THEN
        UPDATE rewards.merchants
           SET total_redemptions = total_redemptions + 1,
               total_lumis_redeemed = total_lumis_redeemed + NEW.lumis_spent
         WHERE tenant_id = NEW.tenant_id AND merchant_id = NEW.validated_by_merchant_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER trg_update_merchant_stats AFTER UPDATE ON rewards.user_redemptions
    FOR EACH ROW EXECUTE FUNCTION rewards.update_merchant_stats();

-- Pending codes past their time become expired, refund their lümis and go back to stock, once
-- each: SKIP LOCKED lets several app instances run it together on disjoint rows, and the status
-- re-check in the UPDATE keeps a code from being expired twice. Lock order is the same as in
-- cancel (redemption, then offer, then customer), so the two never deadlock.
CREATE FUNCTION rewards.expire_old_redemptions(p_batch integer DEFAULT 1000) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_count integer;
BEGIN
    PERFORM set_config('rewards.actor_type', 'system', true);
    PERFORM set_config('rewards.actor_id', 'expire_old_redemptions', true);
    WITH due AS (
        SELECT redemption_id FROM rewards.user_redemptions
         WHERE redemption_status = 'pending' AND code_expires_at <= now()
         ORDER BY code_expires_at
         LIMIT p_batch
         FOR UPDATE SKIP LOCKED
    ), expired AS (
        UPDATE rewards.user_redemptions r
           SET redemption_status = 'expired', updated_at = now()
          FROM due
         WHERE r.redemption_id = due.redemption_id AND r.redemption_status = 'pending'
        RETURNING r.tenant_id, r.redemption_id, r.user_id, r.offer_id, r.lumis_spent
    ), restocked AS (
        UPDATE rewards.redemption_offers o
           SET stock_quantity = o.stock_quantity + c.n, updated_at = now()
          FROM (SELECT tenant_id, offer_id, count(*)::integer AS n FROM expired GROUP BY tenant_id, offer_id) c
         WHERE o.tenant_id = c.tenant_id AND o.offer_id = c.offer_id AND o.stock_quantity IS NOT NULL
        RETURNING o.offer_id
    )
    INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, redemption_id)
    SELECT tenant_id, user_id, lumis_spent, 'refund', 'Código vencido sin canjear', redemption_id FROM expired;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END $$;

-- Idempotency-Key of the rewards API: the first response of a key, replayed for the same request.
CREATE TABLE idempotency_keys (
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash     bytea NOT NULL,
    response_status  integer NOT NULL,
    response_body    text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Merchant staff sign in with their key once; the browser then holds this session.
CREATE TABLE merchant_sessions (
    id_hash       bytea PRIMARY KEY,
    tenant_id     uuid NOT NULL,
    merchant_id   uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, merchant_id) REFERENCES rewards.merchants (tenant_id, merchant_id) ON DELETE CASCADE
);
