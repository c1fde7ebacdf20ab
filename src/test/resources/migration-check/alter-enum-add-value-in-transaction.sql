ALTER TYPE estado_pedido ADD VALUE 'anulado';
