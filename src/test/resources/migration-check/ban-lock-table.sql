SET LOCAL lock_timeout = '5s';
LOCK TABLE productos IN ACCESS EXCLUSIVE MODE;
