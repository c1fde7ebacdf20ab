-- V025's checks and foreign keys, validated apart: the scan runs under SHARE UPDATE EXCLUSIVE,
-- which lets reads and writes of customers go on meanwhile.
ALTER TABLE customers VALIDATE CONSTRAINT customers_status_check;
ALTER TABLE customers VALIDATE CONSTRAINT customers_source_check;
ALTER TABLE customers VALIDATE CONSTRAINT customers_crm_lengths_check;
ALTER TABLE customers VALIDATE CONSTRAINT customers_vendedor_fkey;
ALTER TABLE customers VALIDATE CONSTRAINT customers_created_by_fkey;
