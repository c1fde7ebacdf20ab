package dev.mostrador.bench;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The benchmark's tenant, written straight into PostgreSQL (not through the API): one staff user,
 * {@code productos} products and {@code ofertas} ofertas of which exactly {@code activas} are active
 * now. Deterministic for a given seed, apart from the dates, which are relative to now.
 *
 * <p>The mix: 3% of the ofertas apply to every product (porcentaje, nxm or regalo) and the rest to
 * 1–20 specific products (40% porcentaje, 25% precio_cantidad, 20% nxm, 15% regalo); a
 * precio_cantidad oferta covers products of about the same price, its tiers 5–17% below them. Of the non-active ones, 65% are expired,
 * 15% scheduled (starting in 2–90 days) and the rest switched off (activa = false). Active ones
 * started up to 60 days ago and end in 2–120 days, so none starts or ends during a run.
 */
public final class OfertasDataSet {
    public static final String PASSWORD = "benchmark password 1";
    private static final String[] TIPOS = {"porcentaje", "precio_cantidad", "nxm", "regalo"};
    private static final BigDecimal[] PORCENTAJES = decimals("5", "10", "12.5", "15", "20", "25", "30", "40", "50");
    private static final int[][] NXM = {{2, 1}, {3, 2}, {4, 3}, {6, 5}};
    private static final int[] TRAMOS = {2, 3, 4, 6, 10, 12};

    /** What the benchmark needs to know about the seeded tenant. */
    public record Seeded(Tenant tenant, String staffEmail, List<Long> activeProductIds, int ofertas, int activas,
                         int links, Duration took) {}

    private enum Estado { ACTIVA, VENCIDA, PROGRAMADA, INACTIVA }

    private record Product(long id, BigDecimal precio, boolean activo) {}

    private OfertasDataSet() {}

    public static Seeded seed(DSLContext dsl, DataSource dataSource, int productos, int ofertas, int activas, long seed) {
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        String key = Long.toString(System.currentTimeMillis(), 36);
        String email = "vendedor-" + key + "@bench.test";
        String hash = Passwords.hash(PASSWORD);
        Tenant tenant = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Tenant t = new TenantRepository(tx).create(tx, null, TenantRepository.NewTenant.named("bench-" + key, "Benchmark " + key));
            new UserRepository(tx).create(tx, t.id(), email, "Vera Vendedora", Role.VENDEDOR, hash);
            return t;
        });
        int links = 0;
        List<Product> catalog;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            catalog = insertProductos(c, tenant.id(), productos);
            links = insertOfertas(c, tenant.id(), catalog, ofertas, activas, random);
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE productos");
                s.execute("ANALYZE ofertas");
                s.execute("ANALYZE oferta_productos");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the benchmark data failed", e);
        }
        List<Long> active = catalog.stream().filter(Product::activo).map(Product::id).toList();
        return new Seeded(tenant, email, active, ofertas, activas, links, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Products SKU-00001…: prices spread over 500–49,999.99; every 50th one inactive. */
    private static List<Product> insertProductos(Connection c, UUID tenantId, int count) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO productos (tenant_id, sku, nombre, descripcion, precio, activo)
                SELECT ?, 'SKU-' || lpad(g::text, 5, '0'),
                       'Producto ' || g || (ARRAY[' bebida', ' snack', ' lácteo', ' limpieza', ' abarrote'])[1 + g % 5],
                       CASE WHEN g % 3 = 0 THEN NULL ELSE 'Descripción del producto ' || g || ', formato estándar' END,
                       500 + (g * 7919) % 49500 + ((g * 31) % 100) / 100.0,
                       g % 50 <> 0
                FROM generate_series(1, ?) AS g
                """)) {
            insert.setObject(1, tenantId);
            insert.setInt(2, count);
            insert.executeUpdate();
        }
        List<Product> products = new ArrayList<>(count);
        try (PreparedStatement select = c.prepareStatement("SELECT id, precio, activo FROM productos WHERE tenant_id = ? ORDER BY sku")) {
            select.setObject(1, tenantId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) products.add(new Product(rs.getLong(1), rs.getBigDecimal(2), rs.getBoolean(3)));
            }
        }
        return products;
    }

    private static int insertOfertas(Connection c, UUID tenantId, List<Product> catalog, int count, int activas, Random random)
            throws SQLException {
        List<Estado> estados = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int rest = i - activas;
            int others = count - activas;
            estados.add(i < activas ? Estado.ACTIVA
                    : rest < others * 65 / 100 ? Estado.VENCIDA
                    : rest < others * 80 / 100 ? Estado.PROGRAMADA
                    : Estado.INACTIVA);
        }
        Collections.shuffle(estados, random);

        // Ids reserved up front, so the links can be written with COPY without reading ids back.
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement next = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('ofertas', 'id')) FROM generate_series(1, ?)")) {
            next.setInt(1, count);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }

        List<Product> byPrice = new ArrayList<>(catalog);
        byPrice.sort(Comparator.comparing(Product::precio).thenComparing(Product::id));
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        StringBuilder copy = new StringBuilder(count * 200);
        int links = 0;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO ofertas (id, tenant_id, titulo, descripcion, desde, hasta, activa, tipo, descuento_porcentaje,
                                     reglas, compra_cantidad, paga_cantidad, regalo_producto_id, regalo_cantidad)
                OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                """)) {
            for (int i = 0; i < count; i++) {
                long id = ids.get(i);
                Estado estado = estados.get(i);
                OffsetDateTime desde;
                OffsetDateTime hasta;
                switch (estado) {
                    case ACTIVA:
                        desde = now.minusMinutes(60 + random.nextInt(60 * 24 * 60));
                        hasta = now.plusMinutes(60 * 24 * 2 + random.nextInt(60 * 24 * 118));
                        break;
                    case VENCIDA:
                        hasta = now.minusMinutes(60 + random.nextInt(60 * 24 * 365));
                        desde = hasta.minusMinutes(60 * 24 + random.nextInt(60 * 24 * 59));
                        break;
                    case PROGRAMADA:
                        desde = now.plusMinutes(60 * 24 * 2 + random.nextInt(60 * 24 * 88));
                        hasta = desde.plusMinutes(60 * 24 + random.nextInt(60 * 24 * 59));
                        break;
                    default:
                        desde = now.plusMinutes(-60 * 24 * 200 + random.nextInt(60 * 24 * 260));
                        hasta = desde.plusMinutes(60 * 24 + random.nextInt(60 * 24 * 59));
                        break;
                }
                boolean todos = random.nextDouble() < 0.03;
                String tipo;
                if (todos) {
                    // A tier price only makes sense for products that cost the same: never store-wide.
                    double t = random.nextDouble() * 0.75;
                    tipo = t < 0.40 ? TIPOS[0] : t < 0.60 ? TIPOS[2] : TIPOS[3];
                } else {
                    double t = random.nextDouble();
                    tipo = t < 0.40 ? TIPOS[0] : t < 0.65 ? TIPOS[1] : t < 0.85 ? TIPOS[2] : TIPOS[3];
                }
                int size = 1 + random.nextInt(20);
                List<Product> productos = todos ? List.of()
                        : tipo.equals("precio_cantidad") ? similar(byPrice, size, random) : pick(catalog, size, random);
                String alcance = productos.isEmpty() ? "toda la tienda"
                        : productos.size() == 1 ? "el producto " + productos.get(0).id() : productos.size() + " productos";

                BigDecimal porcentaje = null;
                String reglas = null;
                Integer compra = null;
                Integer paga = null;
                Long regalo = null;
                int regaloCantidad = 1;
                String titulo;
                switch (tipo) {
                    case "porcentaje":
                        porcentaje = PORCENTAJES[random.nextInt(PORCENTAJES.length)];
                        titulo = porcentaje.stripTrailingZeros().toPlainString() + "% en " + alcance;
                        break;
                    case "precio_cantidad": {
                        BigDecimal base = productos.get(0).precio(); // the cheapest of similar ones
                        int tiers = 1 + random.nextInt(3);
                        int start = random.nextInt(TRAMOS.length - tiers + 1);
                        StringBuilder json = new StringBuilder("[");
                        for (int k = 0; k < tiers; k++) {
                            BigDecimal factor = BigDecimal.valueOf(95 - 5L * k - random.nextInt(3)).movePointLeft(2);
                            BigDecimal precio = base.multiply(factor).setScale(0, RoundingMode.HALF_UP);
                            if (k > 0) json.append(',');
                            json.append("{\"cantidad\":").append(TRAMOS[start + k]).append(",\"precio\":").append(precio.toPlainString()).append('}');
                        }
                        reglas = json.append(']').toString();
                        titulo = "Precio por cantidad desde " + TRAMOS[start] + " u. en " + alcance;
                        break;
                    }
                    case "nxm": {
                        int[] nm = NXM[random.nextInt(NXM.length)];
                        compra = nm[0];
                        paga = nm[1];
                        titulo = nm[0] + "x" + nm[1] + " en " + alcance;
                        break;
                    }
                    default:
                        regalo = catalog.get(random.nextInt(catalog.size())).id();
                        regaloCantidad = 1 + random.nextInt(2);
                        titulo = "Regalo por compras en " + alcance;
                        break;
                }
                String descripcion = random.nextBoolean() ? null
                        : "Válida hasta agotar stock. No acumulable con otras promociones del mismo producto (#" + id + ").";

                insert.setLong(1, id);
                insert.setObject(2, tenantId);
                insert.setString(3, titulo);
                insert.setString(4, descripcion);
                insert.setObject(5, desde);
                insert.setObject(6, hasta);
                insert.setBoolean(7, estado != Estado.INACTIVA);
                insert.setString(8, tipo);
                insert.setBigDecimal(9, porcentaje);
                insert.setString(10, reglas);
                setInt(insert, 11, compra);
                setInt(insert, 12, paga);
                if (regalo == null) insert.setNull(13, Types.BIGINT);
                else insert.setLong(13, regalo);
                insert.setInt(14, regaloCantidad);
                insert.addBatch();
                if (i % 1000 == 999) insert.executeBatch();

                for (Product p : productos) {
                    copy.append(tenantId).append(',').append(id).append(',').append(p.id()).append('\n');
                    links++;
                }
            }
            insert.executeBatch();
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY oferta_productos (tenant_id, oferta_id, producto_id) FROM STDIN (FORMAT csv)",
                    new StringReader(copy.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        return links;
    }

    /** n products of about the same price (neighbours in price order), cheapest first: variants of one item. */
    private static List<Product> similar(List<Product> byPrice, int n, Random random) {
        int start = random.nextInt(byPrice.size() - n + 1);
        return new ArrayList<>(byPrice.subList(start, start + n));
    }

    private static List<Product> pick(List<Product> catalog, int n, Random random) {
        Set<Product> chosen = new LinkedHashSet<>();
        while (chosen.size() < n) chosen.add(catalog.get(random.nextInt(catalog.size())));
        return new ArrayList<>(chosen);
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) s.setNull(index, Types.INTEGER);
        else s.setInt(index, value);
    }

    private static BigDecimal[] decimals(String... values) {
        BigDecimal[] out = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) out[i] = new BigDecimal(values[i]);
        return out;
    }
}
