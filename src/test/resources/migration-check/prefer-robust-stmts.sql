-- flyway:executeInTransaction=false
-- Run again after a failure half-way, this fails: the index exists.
CREATE INDEX CONCURRENTLY productos_precio_idx ON productos (tenant_id, precio);
