-- Catalog and promotions (seed 000). Money is numeric; reglas is JSONB (never bytes or text);
-- every rule of the four oferta types is also a CHECK, so no code path can store a broken oferta.

CREATE TABLE productos (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    sku          text NOT NULL CHECK (sku ~ '^[^\s]{1,64}$'),
    nombre       text NOT NULL CHECK (length(btrim(nombre)) BETWEEN 1 AND 200),
    descripcion  text CHECK (length(descripcion) <= 2000),
    precio       numeric(14, 2) NOT NULL CHECK (precio >= 0),
    activo       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX productos_sku_key ON productos (tenant_id, lower(sku));
CREATE INDEX productos_nombre_idx ON productos (tenant_id, lower(nombre), id);

CREATE TABLE ofertas (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id             uuid NOT NULL REFERENCES tenants (id),
    titulo                text NOT NULL CHECK (length(btrim(titulo)) BETWEEN 1 AND 200),
    descripcion           text CHECK (length(descripcion) <= 2000),
    desde                 timestamptz NOT NULL,
    hasta                 timestamptz NOT NULL,
    activa                boolean NOT NULL DEFAULT true,
    tipo                  text NOT NULL CHECK (tipo IN ('porcentaje', 'precio_cantidad', 'nxm', 'regalo')),
    descuento_porcentaje  numeric(5, 2) CHECK (descuento_porcentaje > 0 AND descuento_porcentaje <= 100),
    reglas                jsonb CHECK (reglas IS NULL OR (jsonb_typeof(reglas) = 'array' AND jsonb_array_length(reglas) >= 1)),
    compra_cantidad       integer CHECK (compra_cantidad >= 2),
    paga_cantidad         integer CHECK (paga_cantidad >= 1 AND paga_cantidad < compra_cantidad),
    regalo_producto_id    bigint,
    regalo_cantidad       integer NOT NULL DEFAULT 1 CHECK (regalo_cantidad >= 1),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (desde < hasta),
    CHECK (tipo <> 'porcentaje' OR descuento_porcentaje IS NOT NULL),
    CHECK (tipo <> 'precio_cantidad' OR reglas IS NOT NULL),
    CHECK (tipo <> 'nxm' OR (compra_cantidad IS NOT NULL AND paga_cantidad IS NOT NULL)),
    CHECK (tipo <> 'regalo' OR regalo_producto_id IS NOT NULL),
    FOREIGN KEY (tenant_id, regalo_producto_id) REFERENCES productos (tenant_id, id)
);
-- The public list and the pricing engine read "activa and not yet ended" per tenant.
CREATE INDEX ofertas_vigentes_idx ON ofertas (tenant_id, hasta) WHERE activa;
CREATE INDEX ofertas_tenant_idx ON ofertas (tenant_id, id);

-- The products an oferta applies to; none means every product.
CREATE TABLE oferta_productos (
    tenant_id    uuid NOT NULL,
    oferta_id    bigint NOT NULL,
    producto_id  bigint NOT NULL,
    PRIMARY KEY (tenant_id, oferta_id, producto_id),
    FOREIGN KEY (tenant_id, oferta_id) REFERENCES ofertas (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, producto_id) REFERENCES productos (tenant_id, id)
);
CREATE INDEX oferta_productos_producto_idx ON oferta_productos (tenant_id, producto_id);
