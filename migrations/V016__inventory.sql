-- Inventory (seed 003): per product total / reserved / sold stock, available = total - reserved -
-- sold, never negative. The movements ledger is the truth: counters move only when a movement row
-- is inserted (a trigger), and the movements cannot be updated or deleted.
--
-- Safe on a productos table with millions of rows: ADD COLUMN with a constant default is a
-- catalogue change (no rewrite since PostgreSQL 11); the CHECK is added NOT VALID here (a brief
-- lock, no scan) and validated by V017 without blocking writes. lock_timeout keeps this
-- migration from queueing behind a long transaction while every query waits behind it.
SET LOCAL lock_timeout = '5s';

ALTER TABLE productos
    ADD COLUMN stock_total     integer NOT NULL DEFAULT 0,
    ADD COLUMN stock_reservado integer NOT NULL DEFAULT 0,
    ADD COLUMN stock_vendido   integer NOT NULL DEFAULT 0,
    ADD COLUMN stock_minimo    integer NOT NULL DEFAULT 0;

ALTER TABLE productos ADD CONSTRAINT productos_stock_check CHECK (
    stock_reservado >= 0 AND stock_vendido >= 0 AND stock_minimo >= 0
    AND stock_total - stock_reservado - stock_vendido >= 0) NOT VALID;

ALTER TABLE tenants ADD COLUMN reserva_ttl_minutos integer NOT NULL DEFAULT 15;
ALTER TABLE tenants ADD CONSTRAINT tenants_reserva_ttl_check CHECK (reserva_ttl_minutos BETWEEN 1 AND 1440);

CREATE TABLE carritos (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    user_id         bigint NOT NULL,
    customer_id     bigint,
    estado          text NOT NULL DEFAULT 'abierto' CHECK (estado IN ('abierto', 'reservado', 'vencido')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    reservado_at    timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
-- One open cart per staff user: "add to cart" finds it or creates it.
CREATE UNIQUE INDEX carritos_abierto_key ON carritos (tenant_id, user_id) WHERE estado = 'abierto';

CREATE TABLE carrito_items (
    tenant_id    uuid NOT NULL,
    carrito_id   bigint NOT NULL,
    producto_id  bigint NOT NULL,
    cantidad     integer NOT NULL CHECK (cantidad BETWEEN 1 AND 1000000),
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, carrito_id, producto_id),
    FOREIGN KEY (tenant_id, carrito_id) REFERENCES carritos (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, producto_id) REFERENCES productos (tenant_id, id)
);

CREATE TABLE reservas (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    producto_id  bigint NOT NULL,
    cantidad     integer NOT NULL CHECK (cantidad BETWEEN 1 AND 1000000),
    estado       text NOT NULL DEFAULT 'pendiente'
                 CHECK (estado IN ('pendiente', 'confirmada', 'liberada', 'expirada')),
    carrito_id   bigint,
    user_id      bigint,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    closed_at    timestamptz,
    closed_by    bigint,
    UNIQUE (tenant_id, id),
    CHECK ((estado = 'pendiente') = (closed_at IS NULL)),
    FOREIGN KEY (tenant_id, producto_id) REFERENCES productos (tenant_id, id),
    FOREIGN KEY (tenant_id, carrito_id) REFERENCES carritos (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX reservas_vencen_idx ON reservas (expires_at) WHERE estado = 'pendiente';
CREATE INDEX reservas_producto_idx ON reservas (tenant_id, producto_id, expires_at) WHERE estado = 'pendiente';
CREATE INDEX reservas_lista_idx ON reservas (tenant_id, id DESC);

CREATE TABLE conteos (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    estado      text NOT NULL DEFAULT 'abierto' CHECK (estado IN ('abierto', 'aplicado', 'descartado')),
    nota        text CHECK (length(nota) <= 500),
    created_by  bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    closed_by   bigint,
    closed_at   timestamptz,
    UNIQUE (tenant_id, id),
    CHECK ((estado = 'abierto') = (closed_at IS NULL)),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, closed_by) REFERENCES users (tenant_id, id)
);

-- What was counted, beside what the warehouse held (total - sold) when the line was entered and
-- the product's last movement then: applying warns about products that moved since.
CREATE TABLE conteo_lineas (
    tenant_id            uuid NOT NULL,
    conteo_id            bigint NOT NULL,
    producto_id          bigint NOT NULL,
    contado              integer NOT NULL CHECK (contado BETWEEN 0 AND 1000000),
    en_almacen           integer NOT NULL,
    ultimo_movimiento_id bigint,
    counted_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, conteo_id, producto_id),
    FOREIGN KEY (tenant_id, conteo_id) REFERENCES conteos (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, producto_id) REFERENCES productos (tenant_id, id)
);

CREATE TABLE stock_movimientos (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    producto_id      bigint NOT NULL,
    motivo           text NOT NULL CHECK (motivo IN
                     ('entrada', 'ajuste', 'conteo', 'reserva', 'liberacion', 'venta', 'cancelacion', 'devolucion')),
    delta_total      integer NOT NULL DEFAULT 0,
    delta_reservado  integer NOT NULL DEFAULT 0,
    delta_vendido    integer NOT NULL DEFAULT 0,
    documento_tipo   text CHECK (documento_tipo IN ('reserva', 'pedido', 'conteo', 'importacion')),
    documento_id     bigint,
    actor_user_id    bigint,
    nota             text CHECK (length(nota) <= 500),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (delta_total <> 0 OR delta_reservado <> 0 OR delta_vendido <> 0),
    CHECK ((documento_tipo IS NULL) = (documento_id IS NULL)),
    FOREIGN KEY (tenant_id, producto_id) REFERENCES productos (tenant_id, id),
    FOREIGN KEY (tenant_id, actor_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX stock_movimientos_producto_idx ON stock_movimientos (tenant_id, producto_id, id DESC);
CREATE INDEX stock_movimientos_fecha_idx ON stock_movimientos (tenant_id, created_at);

-- The counters follow the ledger, in the inserting transaction: a movement that would take any
-- counter below zero fails productos_stock_check, and the whole transaction with it.
CREATE FUNCTION stock_apply_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE productos
       SET stock_total = stock_total + NEW.delta_total,
           stock_reservado = stock_reservado + NEW.delta_reservado,
           stock_vendido = stock_vendido + NEW.delta_vendido
     WHERE tenant_id = NEW.tenant_id AND id = NEW.producto_id;
    RETURN NULL;
END $$;
CREATE TRIGGER stock_movimientos_apply AFTER INSERT ON stock_movimientos
    FOR EACH ROW EXECUTE FUNCTION stock_apply_movement();

CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movimientos is append-only: add a movement instead'
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER stock_movimientos_append_only BEFORE UPDATE OR DELETE ON stock_movimientos
    FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();

-- Counters move only from the ledger's trigger (depth 2 here); a direct UPDATE (depth 1) that
-- changes one, or a product inserted with stock, is refused: no code path can make the counters
-- drift from their movements.
CREATE FUNCTION stock_counters_from_ledger_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (NEW.stock_total, NEW.stock_reservado, NEW.stock_vendido) <> (0, 0, 0) THEN
            RAISE EXCEPTION 'a new product starts with no stock: add an entrada movement'
                USING ERRCODE = 'restrict_violation';
        END IF;
    ELSIF pg_trigger_depth() < 2 AND (NEW.stock_total, NEW.stock_reservado, NEW.stock_vendido)
            IS DISTINCT FROM (OLD.stock_total, OLD.stock_reservado, OLD.stock_vendido) THEN
        RAISE EXCEPTION 'stock counters change only through stock_movimientos'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER productos_stock_guard BEFORE INSERT OR UPDATE OF stock_total, stock_reservado, stock_vendido ON productos
    FOR EACH ROW EXECUTE FUNCTION stock_counters_from_ledger_only();
