SET LOCAL lock_timeout = '5s';
ALTER TABLE pedidos ADD CONSTRAINT pedidos_carrito_fk FOREIGN KEY (tenant_id, carrito_id) REFERENCES carritos (tenant_id, id) NOT VALID;
ALTER TABLE pedidos VALIDATE CONSTRAINT pedidos_carrito_fk;
