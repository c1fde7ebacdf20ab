-- flyway:executeInTransaction=false
-- One customer per tax id in a tenant (the stored form: digits and check digit, see
-- customers/TaxIds): the database settles two imports or two clerks racing to add the same RUT,
-- and the app turns the violation into a 422 on tax_id. Built CONCURRENTLY, so customers keep
-- being written meanwhile (it cannot run in a transaction, see V015); IF NOT EXISTS lets a run
-- that stopped half-way be resumed (drop an index left INVALID first).
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_tax_id_key ON customers (tenant_id, tax_id) WHERE tax_id IS NOT NULL;

-- The list's filters, so that counting a rare one (a city, a vendedor, the preferred) reads its
-- rows and not the tenant's 500,000. The city's (folded, as the filter compares it) also gives the
-- list sorted by city, then name, in its order.
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_status_idx ON customers (tenant_id, status);
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_city_idx ON customers (tenant_id, coalesce(crm_fold(city), ''), lower(name), id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_vendedor_idx ON customers (tenant_id, vendedor_id) WHERE vendedor_id IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_preferred_idx ON customers (tenant_id, id) WHERE preferred;
