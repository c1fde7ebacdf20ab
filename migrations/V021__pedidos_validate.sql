-- V019 added these NOT VALID; validating scans under a lock that lets reads and writes go on.
ALTER TABLE fact_accumulations VALIDATE CONSTRAINT fact_accumulations_pedido_fk;
ALTER TABLE tenants VALIDATE CONSTRAINT tenants_lumis_por_monto_check;
