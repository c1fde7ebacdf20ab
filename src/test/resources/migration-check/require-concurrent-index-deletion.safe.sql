-- flyway:executeInTransaction=false
DROP INDEX CONCURRENTLY IF EXISTS productos_nombre_idx;
