package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mostrador.db.public_.tables.records.OfertasRecord;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.Sorting;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.promotions.pricing.OfertaTipo;
import dev.mostrador.promotions.pricing.ReglaPrecio;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.OFERTAS;
import static dev.mostrador.db.public_.Tables.OFERTA_PRODUCTOS;

public final class OfertaRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    /** The list's sortable columns; the default is the newest start first. */
    public static final Map<String, org.jooq.Field<?>> SORTS = Map.of("titulo", DSL.lower(OFERTAS.TITULO), "tipo", OFERTAS.TIPO,
            "desde", OFERTAS.DESDE, "hasta", OFERTAS.HASTA);
    public static final ListSort DEFAULT_SORT = ListSort.desc("desde");
    private final DSLContext dsl;

    public OfertaRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(DSLContext tx, UUID tenantId, ValidOferta o, List<Long> productos) {
        long id = tx.insertInto(OFERTAS).set(OFERTAS.TENANT_ID, tenantId).set(values(o))
                .returning(OFERTAS.ID).fetchOne().getId();
        linkProductos(tx, tenantId, id, productos);
        return id;
    }

    public boolean update(DSLContext tx, UUID tenantId, long id, ValidOferta o, List<Long> productos) {
        int updated = tx.update(OFERTAS).set(values(o)).set(OFERTAS.UPDATED_AT, OffsetDateTime.now())
                .where(OFERTAS.TENANT_ID.eq(tenantId), OFERTAS.ID.eq(id)).execute();
        if (updated == 0) return false;
        tx.deleteFrom(OFERTA_PRODUCTOS).where(OFERTA_PRODUCTOS.TENANT_ID.eq(tenantId), OFERTA_PRODUCTOS.OFERTA_ID.eq(id)).execute();
        linkProductos(tx, tenantId, id, productos);
        return true;
    }

    public boolean delete(UUID tenantId, long id) {
        return dsl.deleteFrom(OFERTAS).where(OFERTAS.TENANT_ID.eq(tenantId), OFERTAS.ID.eq(id)).execute() == 1;
    }

    public Optional<Oferta> find(UUID tenantId, long id) {
        OfertasRecord r = dsl.selectFrom(OFERTAS).where(OFERTAS.TENANT_ID.eq(tenantId), OFERTAS.ID.eq(id)).fetchOne();
        return r == null ? Optional.empty() : Optional.of(toOferta(r, productosOf(tenantId, List.of(id)).getOrDefault(id, List.of())));
    }

    /** Ofertas that are activa and have not ended: the active ones now plus the scheduled ones. */
    public List<Oferta> vigentes(UUID tenantId, OffsetDateTime now) {
        return withProductos(tenantId, dsl.selectFrom(OFERTAS)
                .where(OFERTAS.TENANT_ID.eq(tenantId), OFERTAS.ACTIVA.isTrue(), OFERTAS.HASTA.ge(now))
                .orderBy(OFERTAS.DESDE.desc(), OFERTAS.ID.desc()).fetch());
    }

    public List<Oferta> search(UUID tenantId, Filter filter, OffsetDateTime now, int limit, int offset) {
        return search(tenantId, filter, now, DEFAULT_SORT, limit, offset);
    }

    public List<Oferta> search(UUID tenantId, Filter filter, OffsetDateTime now, ListSort sort, int limit, int offset) {
        return withProductos(tenantId, dsl.selectFrom(OFERTAS).where(condition(tenantId, filter, now))
                .orderBy(Sorting.orderBy(sort, SORTS, OFERTAS.ID)).limit(limit).offset(offset).fetch());
    }

    /** Every oferta of the filter in the list's order, read by batches (the CSV export); no product ids. */
    public void each(UUID tenantId, Filter filter, OffsetDateTime now, ListSort sort, java.util.function.Consumer<Oferta> action) {
        Cursors.each(dsl, tx -> tx.selectFrom(OFERTAS).where(condition(tenantId, filter, now)).orderBy(Sorting.orderBy(sort, SORTS, OFERTAS.ID)),
                r -> action.accept(toOferta(r, List.of())));
    }

    public int count(UUID tenantId, Filter filter, OffsetDateTime now) {
        return dsl.fetchCount(OFERTAS, condition(tenantId, filter, now));
    }

    /**
     * List filters: free text on the title, a tipo code, an estado code; the start (desde) and end
     * (hasta) between two instants, the first included, the second not; null or blank = any.
     */
    public record Filter(String query, String tipo, String estado, OffsetDateTime startsFrom, OffsetDateTime startsBefore,
                         OffsetDateTime endsFrom, OffsetDateTime endsBefore) {
        public static final Filter ALL = new Filter(null, null, null);

        public Filter(String query, String tipo, String estado) {
            this(query, tipo, estado, null, null, null, null);
        }
    }

    private static Condition condition(UUID tenantId, Filter f, OffsetDateTime now) {
        Condition c = OFERTAS.TENANT_ID.eq(tenantId);
        if (f.query() != null && !f.query().isBlank()) c = c.and(DSL.lower(OFERTAS.TITULO).like(Like.containing(f.query())));
        if (f.tipo() != null && !f.tipo().isBlank()) c = c.and(OFERTAS.TIPO.eq(f.tipo()));
        if (f.startsFrom() != null) c = c.and(OFERTAS.DESDE.ge(f.startsFrom()));
        if (f.startsBefore() != null) c = c.and(OFERTAS.DESDE.lt(f.startsBefore()));
        if (f.endsFrom() != null) c = c.and(OFERTAS.HASTA.ge(f.endsFrom()));
        if (f.endsBefore() != null) c = c.and(OFERTAS.HASTA.lt(f.endsBefore()));
        if (f.estado() != null) {
            c = c.and(switch (f.estado()) {
                case "activa" -> OFERTAS.ACTIVA.isTrue().and(OFERTAS.DESDE.le(now)).and(OFERTAS.HASTA.ge(now));
                case "programada" -> OFERTAS.ACTIVA.isTrue().and(OFERTAS.DESDE.gt(now));
                case "vencida" -> OFERTAS.ACTIVA.isTrue().and(OFERTAS.HASTA.lt(now));
                case "inactiva" -> OFERTAS.ACTIVA.isFalse();
                default -> DSL.noCondition();
            });
        }
        return c;
    }

    private List<Oferta> withProductos(UUID tenantId, List<OfertasRecord> rows) {
        Map<Long, List<Long>> productos = productosOf(tenantId, rows.stream().map(OfertasRecord::getId).toList());
        return rows.stream().map(r -> toOferta(r, productos.getOrDefault(r.getId(), List.of()))).toList();
    }

    private Map<Long, List<Long>> productosOf(UUID tenantId, Collection<Long> ofertaIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        if (ofertaIds.isEmpty()) return result;
        dsl.select(OFERTA_PRODUCTOS.OFERTA_ID, OFERTA_PRODUCTOS.PRODUCTO_ID).from(OFERTA_PRODUCTOS)
                .where(OFERTA_PRODUCTOS.TENANT_ID.eq(tenantId), OFERTA_PRODUCTOS.OFERTA_ID.in(ofertaIds))
                .orderBy(OFERTA_PRODUCTOS.PRODUCTO_ID)
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return result;
    }

    private static void linkProductos(DSLContext tx, UUID tenantId, long ofertaId, List<Long> productos) {
        if (productos.isEmpty()) return;
        var insert = tx.insertInto(OFERTA_PRODUCTOS, OFERTA_PRODUCTOS.TENANT_ID, OFERTA_PRODUCTOS.OFERTA_ID, OFERTA_PRODUCTOS.PRODUCTO_ID);
        for (Long p : productos) insert = insert.values(tenantId, ofertaId, p);
        insert.execute();
    }

    private static Map<org.jooq.Field<?>, Object> values(ValidOferta o) {
        Map<org.jooq.Field<?>, Object> v = new HashMap<>();
        v.put(OFERTAS.TITULO, o.titulo());
        v.put(OFERTAS.DESCRIPCION, o.descripcion());
        v.put(OFERTAS.DESDE, o.desde());
        v.put(OFERTAS.HASTA, o.hasta());
        v.put(OFERTAS.ACTIVA, o.activa());
        v.put(OFERTAS.TIPO, o.tipo().code());
        v.put(OFERTAS.DESCUENTO_PORCENTAJE, o.descuentoPorcentaje());
        v.put(OFERTAS.REGLAS, o.reglas() == null ? null : JSONB.valueOf(reglasJson(o.reglas())));
        v.put(OFERTAS.COMPRA_CANTIDAD, o.compraCantidad());
        v.put(OFERTAS.PAGA_CANTIDAD, o.pagaCantidad());
        v.put(OFERTAS.REGALO_PRODUCTO_ID, o.regaloProductoId());
        v.put(OFERTAS.REGALO_CANTIDAD, o.regaloCantidad());
        return v;
    }

    static String reglasJson(List<ReglaPrecio> reglas) {
        ArrayNode array = JSON.createArrayNode();
        for (ReglaPrecio r : reglas) array.addObject().put("cantidad", r.cantidad()).put("precio", r.precio());
        return array.toString();
    }

    static Oferta toOferta(OfertasRecord r, List<Long> productos) {
        return new Oferta(r.getId(), r.getTitulo(), r.getDescripcion(), r.getDesde(), r.getHasta(), r.getActiva(),
                OfertaTipo.fromCode(r.getTipo()).orElseThrow(), r.getDescuentoPorcentaje(), reglas(r.getReglas()),
                r.getCompraCantidad(), r.getPagaCantidad(), r.getRegaloProductoId(), r.getRegaloCantidad(), List.copyOf(productos));
    }

    private static List<ReglaPrecio> reglas(JSONB jsonb) {
        if (jsonb == null) return null;
        try {
            List<ReglaPrecio> reglas = new ArrayList<>();
            for (JsonNode n : JSON.readTree(jsonb.data())) reglas.add(new ReglaPrecio(n.get("cantidad").asInt(), n.get("precio").decimalValue()));
            return reglas;
        } catch (Exception e) {
            throw new IllegalStateException("reglas is not the JSON this code writes", e);
        }
    }
}
