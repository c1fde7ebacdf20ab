-- flyway:executeInTransaction=false
REINDEX INDEX CONCURRENTLY productos_nombre_idx;
