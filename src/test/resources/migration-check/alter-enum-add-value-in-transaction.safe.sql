-- flyway:executeInTransaction=false
ALTER TYPE estado_pedido ADD VALUE IF NOT EXISTS 'anulado';
