package dev.mostrador.catalog;

import dev.mostrador.db.public_.tables.records.ProductosRecord;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.Sorting;
import dev.mostrador.platform.web.ListSort;
import org.jooq.Field;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.mostrador.db.public_.Tables.PRODUCTOS;

public final class ProductoRepository {
    /** What can still be sold: the inventory keeps it at total − reservado − vendido, never below zero. */
    static final Field<Integer> DISPONIBLE = PRODUCTOS.STOCK_TOTAL.minus(PRODUCTOS.STOCK_RESERVADO).minus(PRODUCTOS.STOCK_VENDIDO);
    /** The list's sortable columns; the default is by name. */
    public static final Map<String, Field<?>> SORTS = Map.of("sku", DSL.lower(PRODUCTOS.SKU), "nombre", DSL.lower(PRODUCTOS.NOMBRE),
            "precio", PRODUCTOS.PRECIO, "activo", PRODUCTOS.ACTIVO, "disponible", DISPONIBLE);
    public static final ListSort DEFAULT_SORT = ListSort.asc("nombre");
    private final DSLContext dsl;

    public ProductoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long create(UUID tenantId, ProductoInput p) {
        return dsl.insertInto(PRODUCTOS)
                .set(PRODUCTOS.TENANT_ID, tenantId).set(PRODUCTOS.SKU, p.sku()).set(PRODUCTOS.NOMBRE, p.nombre())
                .set(PRODUCTOS.DESCRIPCION, emptyToNull(p.descripcion())).set(PRODUCTOS.PRECIO, p.precio())
                .set(PRODUCTOS.ACTIVO, p.activo()).set(PRODUCTOS.STOCK_MINIMO, p.stockMinimo() == null ? 0 : p.stockMinimo())
                .returning(PRODUCTOS.ID).fetchOne().getId();
    }

    public boolean update(UUID tenantId, long id, ProductoInput p) {
        return dsl.update(PRODUCTOS)
                .set(PRODUCTOS.SKU, p.sku()).set(PRODUCTOS.NOMBRE, p.nombre())
                .set(PRODUCTOS.DESCRIPCION, emptyToNull(p.descripcion())).set(PRODUCTOS.PRECIO, p.precio())
                .set(PRODUCTOS.ACTIVO, p.activo()).set(PRODUCTOS.UPDATED_AT, OffsetDateTime.now())
                .set(PRODUCTOS.STOCK_MINIMO, p.stockMinimo() == null ? PRODUCTOS.STOCK_MINIMO : DSL.val(p.stockMinimo()))
                .where(PRODUCTOS.TENANT_ID.eq(tenantId), PRODUCTOS.ID.eq(id))
                .execute() == 1;
    }

    public Optional<Producto> find(UUID tenantId, long id) {
        return dsl.selectFrom(PRODUCTOS).where(PRODUCTOS.TENANT_ID.eq(tenantId), PRODUCTOS.ID.eq(id))
                .fetchOptional(ProductoRepository::toProducto);
    }

    public boolean skuTaken(UUID tenantId, String sku, Long exceptId) {
        Condition same = PRODUCTOS.TENANT_ID.eq(tenantId).and(DSL.lower(PRODUCTOS.SKU).eq(sku.toLowerCase()));
        if (exceptId != null) same = same.and(PRODUCTOS.ID.ne(exceptId));
        return dsl.fetchExists(PRODUCTOS, same);
    }

    /** One SQL text whatever the number of ids ({@code = ANY(array)}), so PostgreSQL prepares it once per connection. */
    public Map<Long, Producto> findByIds(UUID tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return dsl.selectFrom(PRODUCTOS).where(PRODUCTOS.TENANT_ID.eq(tenantId), PRODUCTOS.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetch(ProductoRepository::toProducto).stream()
                .collect(Collectors.toMap(Producto::id, Function.identity()));
    }

    /** A product's price as a caller's own type: pricing builds its products from these five fields. */
    @FunctionalInterface
    public interface PriceRow<T> {
        T of(long id, String sku, String nombre, BigDecimal precio, boolean activo);
    }

    /**
     * What pricing needs of the products with these ids (id, SKU, name, price, active), through
     * plain JDBC: every quote reads 50-odd products, and mapping whole jOOQ records (timestamps
     * included) was a fifth of a quote's CPU.
     */
    public <T> List<T> prices(UUID tenantId, Collection<Long> ids, PriceRow<T> as) {
        if (ids.isEmpty()) return List.of();
        return Jdbc.list(dsl, FOR_PRICING, row -> as.of(row.getLong(1), row.getString(2), row.getString(3), row.getBigDecimal(4),
                row.getBoolean(5)), tenantId, Jdbc.array("bigint", ids.toArray(Long[]::new)));
    }

    private static final String FOR_PRICING = "SELECT id, sku, nombre, precio, activo FROM public.productos WHERE tenant_id = ? AND id = ANY(?)";

    /** Products by SKU, case-insensitive; the keys are the SKUs in lower case. */
    public Map<String, Producto> findBySkus(UUID tenantId, Collection<String> skus) {
        if (skus.isEmpty()) return Map.of();
        List<String> lower = skus.stream().map(String::toLowerCase).toList();
        return dsl.selectFrom(PRODUCTOS).where(PRODUCTOS.TENANT_ID.eq(tenantId), DSL.lower(PRODUCTOS.SKU).in(lower))
                .fetch(ProductoRepository::toProducto).stream()
                .collect(Collectors.toMap(p -> p.sku().toLowerCase(), Function.identity()));
    }

    public List<Producto> search(UUID tenantId, String query, Boolean activo, int limit, int offset) {
        return search(tenantId, query, activo, false, DEFAULT_SORT, limit, offset);
    }

    /** {@code sinPrecio}: only those priced 0, not yet given a price (index productos_sin_precio_idx). */
    public List<Producto> search(UUID tenantId, String query, Boolean activo, boolean sinPrecio, ListSort sort, int limit, int offset) {
        return search(tenantId, query, activo, sinPrecio, false, sort, limit, offset);
    }

    /** {@code bajoMinimo}: only those with fewer available than their minimum (a minimum of 0 means none). */
    public List<Producto> search(UUID tenantId, String query, Boolean activo, boolean sinPrecio, boolean bajoMinimo, ListSort sort, int limit,
                                 int offset) {
        return dsl.selectFrom(PRODUCTOS).where(filter(tenantId, query, activo, sinPrecio).and(bajoMinimo ? BAJO_MINIMO : DSL.noCondition()))
                .orderBy(Sorting.orderBy(sort, SORTS, PRODUCTOS.ID)).limit(limit).offset(offset)
                .fetch(ProductoRepository::toProducto);
    }

    /** Every product of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, String query, Boolean activo, boolean sinPrecio, boolean bajoMinimo, ListSort sort, Consumer<Producto> action) {
        Cursors.each(dsl, tx -> tx.selectFrom(PRODUCTOS).where(filter(tenantId, query, activo, sinPrecio).and(bajoMinimo ? BAJO_MINIMO : DSL.noCondition())).orderBy(Sorting.orderBy(sort, SORTS, PRODUCTOS.ID)),
                r -> action.accept(toProducto(r)));
    }

    public int count(UUID tenantId, String query, Boolean activo) {
        return count(tenantId, query, activo, false);
    }

    public int count(UUID tenantId, String query, Boolean activo, boolean sinPrecio) {
        return count(tenantId, query, activo, sinPrecio, false);
    }

    public int count(UUID tenantId, String query, Boolean activo, boolean sinPrecio, boolean bajoMinimo) {
        return dsl.fetchCount(PRODUCTOS, filter(tenantId, query, activo, sinPrecio).and(bajoMinimo ? BAJO_MINIMO : DSL.noCondition()));
    }

    private static final Condition BAJO_MINIMO = PRODUCTOS.STOCK_MINIMO.gt(0).and(DISPONIBLE.lt(PRODUCTOS.STOCK_MINIMO));

    private static Condition filter(UUID tenantId, String query, Boolean activo, boolean sinPrecio) {
        Condition c = PRODUCTOS.TENANT_ID.eq(tenantId);
        if (sinPrecio) c = c.and(PRODUCTOS.PRECIO.eq(java.math.BigDecimal.ZERO));
        if (activo != null) c = c.and(PRODUCTOS.ACTIVO.eq(activo));
        if (query != null && !query.isBlank()) {
            String like = Like.containing(query);
            c = c.and(DSL.lower(PRODUCTOS.NOMBRE).like(like).or(DSL.lower(PRODUCTOS.SKU).like(like)));
        }
        return c;
    }

    static Producto toProducto(ProductosRecord r) {
        return new Producto(r.getId(), r.getSku(), r.getNombre(), r.getDescripcion(), r.getPrecio(), r.getActivo(), r.getUpdatedAt(),
                r.getStockTotal(), r.getStockReservado(), r.getStockVendido(), r.getStockMinimo());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
