-- flyway:executeInTransaction=false
-- The customers an import created (its undo, and the foreign key's checks when an import row is
-- deleted), built without blocking writes of customers.
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_import_idx ON customers (tenant_id, import_id) WHERE import_id IS NOT NULL;
