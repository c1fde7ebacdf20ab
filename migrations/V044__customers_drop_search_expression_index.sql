-- flyway:executeInTransaction=false
-- V027's index of the search expression, replaced by V043's on the stored column: one GIN index
-- fewer to update on every customer write. CONCURRENTLY: no lock that stops readers or writers.
DROP INDEX CONCURRENTLY IF EXISTS customers_search_idx;
