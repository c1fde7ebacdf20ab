-- Pedidos (seeds 000, 001, 003): orders that freeze what they were sold at, delivered by
-- repartidores, whose delivery earns lümis. New tables only, plus nullable or constant-default
-- columns on existing ones (catalogue changes, no rewrite); the new foreign key on the lümis ledger
-- is added NOT VALID (no scan under its lock) and validated by V021, its unique index built
-- concurrently by V020.
SET LOCAL lock_timeout = '5s';

CREATE TABLE repartidores (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    nombre      text NOT NULL CHECK (length(btrim(nombre)) BETWEEN 1 AND 200),
    telefono    text CHECK (length(telefono) <= 40),
    activo      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);

-- The number staff read is the id: unique, increasing, and no per-tenant counter row for every
-- order placed at once to queue on.
CREATE TABLE pedidos (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           uuid NOT NULL REFERENCES tenants (id),
    estado              text NOT NULL DEFAULT 'confirmado'
                        CHECK (estado IN ('confirmado', 'en_reparto', 'entregado', 'cancelado', 'devuelto')),
    customer_id         bigint,
    user_id             bigint NOT NULL,
    repartidor_id       bigint,
    carrito_id          bigint,
    direccion           text CHECK (length(direccion) <= 500),
    telefono            text CHECK (length(telefono) <= 40),
    nota                text CHECK (length(nota) <= 1000),
    moneda              text NOT NULL CHECK (moneda ~ '^[A-Z]{3}$'),
    subtotal            numeric(14, 2) NOT NULL CHECK (subtotal >= 0),
    descuento           numeric(14, 2) NOT NULL CHECK (descuento >= 0),
    total               numeric(14, 2) NOT NULL CHECK (total >= 0),
    lumis_acreditados   integer NOT NULL DEFAULT 0 CHECK (lumis_acreditados >= 0),
    lumis_no_devueltos  integer NOT NULL DEFAULT 0 CHECK (lumis_no_devueltos >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    entregado_at        timestamptz,
    UNIQUE (tenant_id, id),
    CHECK (total = subtotal - descuento),
    CHECK (estado <> 'en_reparto' OR repartidor_id IS NOT NULL),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, repartidor_id) REFERENCES repartidores (tenant_id, id),
    FOREIGN KEY (tenant_id, carrito_id) REFERENCES carritos (tenant_id, id)
);
CREATE INDEX pedidos_lista_idx ON pedidos (tenant_id, id DESC);
CREATE INDEX pedidos_fecha_idx ON pedidos (tenant_id, created_at);
CREATE INDEX pedidos_estado_idx ON pedidos (tenant_id, estado, id DESC);
CREATE INDEX pedidos_cliente_idx ON pedidos (tenant_id, customer_id, id DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX pedidos_repartidor_idx ON pedidos (tenant_id, repartidor_id, estado) WHERE repartidor_id IS NOT NULL;
CREATE INDEX pedidos_vendedor_idx ON pedidos (tenant_id, user_id, id DESC);
-- A cart becomes at most one order.
CREATE UNIQUE INDEX pedidos_carrito_key ON pedidos (tenant_id, carrito_id) WHERE carrito_id IS NOT NULL;

-- Frozen at placement: what the product and the oferta were then, never read back from them.
CREATE TABLE pedido_lineas (
    tenant_id      uuid NOT NULL,
    pedido_id      bigint NOT NULL,
    linea          integer NOT NULL CHECK (linea >= 1),
    producto_id    bigint NOT NULL,
    sku            text NOT NULL,
    nombre         text NOT NULL,
    precio_lista   numeric(14, 2) NOT NULL CHECK (precio_lista >= 0),
    cantidad       integer NOT NULL CHECK (cantidad BETWEEN 1 AND 1000000),
    oferta_id      bigint,
    oferta_titulo  text,
    oferta_tipo    text,
    explicacion    text,
    descuento      numeric(14, 2) NOT NULL DEFAULT 0 CHECK (descuento >= 0),
    neto           numeric(14, 2) NOT NULL CHECK (neto >= 0),
    regalo         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, pedido_id, linea),
    CHECK (regalo = false OR neto = 0),
    FOREIGN KEY (tenant_id, pedido_id) REFERENCES pedidos (tenant_id, id),
    FOREIGN KEY (tenant_id, producto_id) REFERENCES productos (tenant_id, id)
);
CREATE INDEX pedido_lineas_producto_idx ON pedido_lineas (tenant_id, producto_id);
CREATE INDEX pedido_lineas_oferta_idx ON pedido_lineas (tenant_id, oferta_id) WHERE oferta_id IS NOT NULL;

-- Every transition, who and when: the order's history.
CREATE TABLE pedido_eventos (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    pedido_id    bigint NOT NULL,
    desde        text,
    hacia        text NOT NULL,
    user_id      bigint,
    nota         text CHECK (length(nota) <= 1000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, pedido_id) REFERENCES pedidos (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX pedido_eventos_pedido_idx ON pedido_eventos (tenant_id, pedido_id, id);

-- The shop's earning rule: one lümi per this much of an order's net total; NULL = off (the default).
ALTER TABLE tenants ADD COLUMN lumis_por_monto numeric(14, 2);
ALTER TABLE tenants ADD CONSTRAINT tenants_lumis_por_monto_check CHECK (lumis_por_monto > 0) NOT VALID;

-- Lümis earned on delivery, or taken back on a return, point to their order.
ALTER TABLE fact_accumulations ADD COLUMN pedido_id bigint;
ALTER TABLE fact_accumulations ADD CONSTRAINT fact_accumulations_pedido_fk
    FOREIGN KEY (tenant_id, pedido_id) REFERENCES pedidos (tenant_id, id) NOT VALID;
