SET LOCAL lock_timeout = '5s';
DROP SCHEMA rewards CASCADE;
