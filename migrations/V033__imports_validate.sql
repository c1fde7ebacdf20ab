-- V032's foreign key from customers to their import, validated apart (SHARE UPDATE EXCLUSIVE:
-- reads and writes of customers go on during the scan).
ALTER TABLE customers VALIDATE CONSTRAINT customers_import_fkey;
