-- flyway:executeInTransaction=false
VACUUM (ANALYZE) productos;
