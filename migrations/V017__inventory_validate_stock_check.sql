-- V016 added productos_stock_check NOT VALID (no scan under its lock). Validating scans the table
-- under SHARE UPDATE EXCLUSIVE, which lets reads and writes of productos go on meanwhile; its own
-- migration so that no stronger lock of V016 is still held while it scans.
ALTER TABLE productos VALIDATE CONSTRAINT productos_stock_check;
