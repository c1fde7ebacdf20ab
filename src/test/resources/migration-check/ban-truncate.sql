SET LOCAL lock_timeout = '5s';
TRUNCATE idempotency_keys;
