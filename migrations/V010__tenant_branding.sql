-- Tenant settings (issue 10): the public pages' colours and the shop's logo.
-- Safe on a big table: nullable columns without a default are a catalog change only (no rewrite),
-- and the CHECKs are added NOT VALID and validated after, which scans without blocking writes.
ALTER TABLE tenants ADD COLUMN primary_color text;
ALTER TABLE tenants ADD COLUMN accent_color text;
-- Set with the logo in one transaction: pages link /t/{slug}/logo?v=<this> only when there is one.
ALTER TABLE tenants ADD COLUMN logo_updated_at timestamptz;
ALTER TABLE tenants ADD CONSTRAINT tenants_primary_color_check CHECK (primary_color ~ '^#[0-9a-f]{6}$') NOT VALID;
ALTER TABLE tenants ADD CONSTRAINT tenants_accent_color_check CHECK (accent_color ~ '^#[0-9a-f]{6}$') NOT VALID;
ALTER TABLE tenants VALIDATE CONSTRAINT tenants_primary_color_check;
ALTER TABLE tenants VALIDATE CONSTRAINT tenants_accent_color_check;

-- Apart from tenants: the session lookup of every request reads tenants' rows, not 200 KB of image.
-- PNG, JPEG and WebP only: an SVG can carry script.
CREATE TABLE tenant_logos (
    tenant_id     uuid PRIMARY KEY REFERENCES tenants (id),
    content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    bytes         bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 204800),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
