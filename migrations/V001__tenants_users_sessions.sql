-- Foundation: tenants, their users, browser sessions, API tokens and the login audit.
-- Every tenant-owned table carries tenant_id and exposes UNIQUE (tenant_id, id) so that
-- foreign keys between tenant-owned tables can include tenant_id (no row points across tenants).

CREATE TABLE tenants (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    time_zone   text NOT NULL DEFAULT 'America/Santiago',
    currency    text NOT NULL DEFAULT 'CLP' CHECK (currency ~ '^[A-Z]{3}$'),
    locale      text NOT NULL DEFAULT 'es-CL' CHECK (locale ~ '^(es|en)(-[A-Z]{2})?$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    email          text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    role           text NOT NULL CHECK (role IN ('admin', 'oficina', 'vendedor')),
    password_hash  text NOT NULL,
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz,
    UNIQUE (tenant_id, id)
);
-- One account per e-mail across tenants, so the login form needs no tenant field.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_tenant_name_idx ON users (tenant_id, lower(name));

-- Browser sessions: the cookie holds a random id, the table only its SHA-256.
CREATE TABLE sessions (
    id_hash       bytea PRIMARY KEY,
    tenant_id     uuid NOT NULL,
    user_id       bigint NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    ip            text,
    user_agent    text,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user_idx ON sessions (tenant_id, user_id);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

-- Opaque bearer tokens for the JSON API, stored hashed, revocable.
CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    bytea NOT NULL UNIQUE,
    tenant_id     uuid NOT NULL,
    user_id       bigint NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX api_tokens_user_idx ON api_tokens (tenant_id, user_id);

-- Every login attempt, kept for throttling and for the security trail.
CREATE TABLE login_attempts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL,
    ip          text,
    success     boolean NOT NULL,
    reason      text NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('web', 'api')),
    user_agent  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), created_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, created_at);
