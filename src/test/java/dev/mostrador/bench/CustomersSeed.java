package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

/**
 * The customers benchmark's data in set-based SQL: Spanish names with accents (first name and two
 * surnames), Chilean cities, statuses weighted as a shop's CRM has them, e-mails, mobile phones, a
 * valid RUT on most, twelve interests on about a third, a vendedor on a fifth. Deterministic
 * (hashtext of the row number), so two runs seed the same rows.
 */
final class CustomersSeed {
    static final List<String> FIRST = List.of("María", "José", "Juan", "Ana", "Sofía", "Martín", "Lucía", "Tomás", "Valentina", "Benjamín",
            "Camila", "Matías", "Isidora", "Agustín", "Florencia", "Joaquín", "Catalina", "Sebastián", "Ignacio", "Fernanda", "Andrés",
            "Paula", "Raúl", "Inés", "Ramón", "Verónica", "Héctor", "Mónica", "Óscar", "Begoña", "Cristóbal", "Maximiliano", "Antonia",
            "Francisca", "Vicente", "Emilia", "Nicolás", "Josefa", "Gabriel", "Renata");
    static final List<String> LAST = List.of("González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez",
            "Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres", "Araya", "Flores", "Espinoza", "Valenzuela",
            "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro", "Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández", "Ramírez",
            "Carrasco", "Gómez", "Cortés", "Herrera", "Núñez", "Jara", "Vergara", "Rivera", "Figueroa", "Peña", "Ibáñez", "Acuña", "Bustos");
    static final List<String> CITIES = List.of("Santiago", "Providencia", "Ñuñoa", "Las Condes", "Maipú", "Puente Alto", "La Florida",
            "Valparaíso", "Viña del Mar", "Concepción", "Temuco", "Valdivia", "Puerto Montt", "Antofagasta", "Iquique", "Arica", "La Serena",
            "Rancagua", "Talca", "Chillán", "Osorno", "Punta Arenas", "Curicó", "Los Ángeles", "Copiapó", "Calama", "Quilpué", "Peñalolén");
    static final List<String> INTERESTS = List.of("Vinos", "Quesos", "Café", "Panadería", "Ofertas por mayor", "Orgánicos", "Sin gluten",
            "Mascotas", "Limpieza", "Despacho a domicilio", "Cervezas artesanales", "Chocolates");
    /** Fragments people type (3 to 5 letters, accents left out as they are on a phone): common and rare. */
    static final List<String> FRAGMENTS = List.of("mar", "jose", "gonz", "pena", "muno", "rodr", "silv", "fern", "lope", "cast", "soto",
            "nune", "ibañ", "raul", "ines", "osca", "bego", "vero", "sepu", "valen", "herr", "acuna", "bust", "figu", "cata", "tomas",
            "agus", "joaq", "ramon", "hect", "moni", "piza", "vasq", "9123", "56912", "correo");

    private CustomersSeed() {}

    /** {@code n} customers of {@code tenant}; vendedores from {@code vendedorIds} (may be empty). Returns the seconds it took. */
    static double load(DSLContext dsl, UUID tenant, int n, List<Long> vendedorIds) {
        long t0 = System.nanoTime();
        for (String i : INTERESTS) {
            dsl.execute("INSERT INTO intereses (tenant_id, nombre) VALUES (?, ?) ON CONFLICT DO NOTHING", tenant, i);
        }
        String first = array(FIRST), last = array(LAST), cities = array(CITIES);
        Long[] vendedores = vendedorIds.toArray(Long[]::new);
        dsl.execute("WITH g AS (SELECT g, abs(hashtext(g::text)) h1, abs(hashtext(g::text || 'b')) h2, abs(hashtext(g::text || 'c')) h3 "
                + "FROM generate_series(1, ?) g), "
                + "named AS (SELECT g, h1, h2, h3, (" + first + ")[1 + h1 % " + FIRST.size() + "] fn, (" + last + ")[1 + h2 % " + LAST.size()
                + "] l1, (" + last + ")[1 + h3 % " + LAST.size() + "] l2, 5000000 + g * 7 AS rut FROM g) "
                + "INSERT INTO customers (tenant_id, name, email, phone, phone_alt, tax_id, address, city, status, preferred, vendedor_id, notes, "
                + "created_at) SELECT ?, fn || ' ' || l1 || ' ' || l2, "
                + "CASE WHEN h1 % 10 < 7 THEN crm_fold(fn) || '.' || crm_fold(l1) || g || '@correo.cl' END, "
                + "'+56 9 ' || lpad((h2 % 100000000)::text, 8, '0'), CASE WHEN h3 % 5 = 0 THEN '2 2' || lpad((h3 % 10000000)::text, 7, '0') END, "
                + "CASE WHEN h2 % 10 < 8 THEN rut::text || (SELECT CASE 11 - sum(substr(reverse(rut::text), k, 1)::int * (2 + (k - 1) % 6)) % 11 "
                + "WHEN 11 THEN '0' WHEN 10 THEN 'K' ELSE (11 - sum(substr(reverse(rut::text), k, 1)::int * (2 + (k - 1) % 6)) % 11)::text END "
                + "FROM generate_series(1, length(rut::text)) k) END, "
                + "'Calle ' || (h1 % 900 + 1) || ' #' || (h3 % 3000), (" + cities + ")[1 + (h1 / 7) % " + CITIES.size() + "], "
                + "(ARRAY['activo','activo','activo','activo','activo','inactivo','prospecto','prospecto','perdido','activo'])[1 + h3 % 10], "
                + "h2 % 17 = 0, CASE WHEN h1 % 5 = 0 AND cardinality(?::bigint[]) > 0 THEN (?::bigint[])[1 + h2 % greatest(cardinality(?::bigint[]), 1)] END, "
                + "CASE WHEN h3 % 9 = 0 THEN 'Prefiere que lo llamen en la tarde' END, now() - make_interval(mins => (? - g)) "
                + "FROM named", n, tenant, vendedores, vendedores, vendedores, n);
        dsl.execute("INSERT INTO customer_intereses (tenant_id, customer_id, interes_id) "
                + "SELECT c.tenant_id, c.id, i.id FROM customers c JOIN LATERAL (SELECT id FROM intereses WHERE tenant_id = c.tenant_id "
                + "ORDER BY id OFFSET abs(hashtext(c.id::text)) % 12 LIMIT 1 + abs(hashtext(c.id::text || 'i')) % 2) i ON true "
                + "WHERE c.tenant_id = ? AND abs(hashtext(c.id::text || 'x')) % 3 = 0 ON CONFLICT DO NOTHING", tenant);
        dsl.execute("VACUUM ANALYZE customers");
        dsl.execute("VACUUM ANALYZE customer_intereses");
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String array(List<String> values) {
        return "ARRAY[" + String.join(",", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + "]";
    }
}
