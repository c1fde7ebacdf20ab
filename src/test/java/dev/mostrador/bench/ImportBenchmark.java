package dev.mostrador.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.imports.ImportTestSupport;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.support.Browser;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of issue 14's import (not a test: {@code mvn -B -q -Pbench -Dbench.main=dev.mostrador.bench.ImportBenchmark
 * test-compile exec:exec}). A BENCH_IMPORT_ROWS (100,000) row customers CSV as Spanish Excel saves it (Windows-1252, ";"),
 * 1% of rows with an error (a RUT whose check digit is wrong, an e-mail without "@", a name missing), goes through the app over
 * HTTP as a user does: upload, the suggested mapping, the dry run, the commit, each polled on its status JSON every 200 ms
 * (the progress a user sees). Then the same file again (every row "unchanged") and one with every tenth row edited (updates).
 * Targets: dry run &lt; 20 s, commit &lt; 60 s. The durable embedded PostgreSQL (BenchServer), 2 cores shared by the app,
 * its import worker, PostgreSQL and this client.
 */
public final class ImportBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOCATION = Pattern.compile("/importaciones/(\\d+)$");
    private static final String PASSWORD = "benchmark staff password";
    private static final String[] FIRST = {"José", "María", "Begoña", "Raúl", "Inés", "Óscar", "Verónica", "Tomás", "Agustín", "Joaquín",
            "Ramón", "Héctor", "Mónica", "Catalina", "Valentina", "Martín"};
    private static final String[] LAST = {"Peña", "Muñoz", "González", "Rodríguez", "Silva", "Fernández", "López", "Castro", "Soto",
            "Núñez", "Ibáñez", "Sepúlveda", "Herrera", "Acuña", "Bustos", "Figueroa", "Pizarro", "Vásquez"};
    private static final String[] CITY = {"Santiago", "Ñuñoa", "Valparaíso", "Concepción", "Temuco", "Arica", "Talca", "Puerto Montt"};

    record Run(String name, long rows, double dryRunSeconds, double commitSeconds, int dryRunPolls, int commitPolls, JsonNode status) {}

    public static void main(String[] args) throws Exception {
        int rows = BenchSetup.intEnv("BENCH_IMPORT_ROWS", 100_000);
        long t0 = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        try (BenchServer server = BenchServer.start()) {
            DSLContext dsl = server.app().database().dsl();
            String base = server.baseUrl();
            OfertasBenchmark.say("app on %s; database %s", base, server.databaseDescription());
            server.databaseSettings().describe().forEach(OfertasBenchmark::say);
            String slug = "bench-import-" + UUID.randomUUID().toString().substring(0, 6);
            UUID tenant = dsl.transactionResult(cfg -> new TenantRepository(cfg.dsl()).create(cfg.dsl(), null,
                    TenantRepository.NewTenant.named(slug, "Bench import"))).id();
            String email = "oficina@" + slug + ".test";
            new UserRepository(dsl).create(dsl, tenant, email, "Oficina", Role.OFICINA, Passwords.hash(PASSWORD));
            Browser browser = new Browser(base);
            if (browser.login(email, PASSWORD).statusCode() != 303) throw new IllegalStateException("sign-in failed");

            byte[] file = csv(rows, 0);
            OfertasBenchmark.say("file: %,d rows, %.1f MB, windows-1252, ';'", rows, file.length / 1e6);
            runs.add(run(browser, "new customers", file, rows));
            runs.add(run(browser, "the same file again (unchanged)", file, rows));
            runs.add(run(browser, "every 10th row edited (updates)", csv(rows, 10), rows));
            long customers = dsl.fetchValue("SELECT count(*) FROM customers WHERE tenant_id = ?", tenant) instanceof Number n ? n.longValue() : -1;
            OfertasBenchmark.say("customers in the tenant after the three imports: %,d (expected %,d: the rows without an error)", customers,
                    runs.get(0).status().get("new").asLong());
        }
        System.out.println();
        System.out.println("| import of " + String.format(Locale.ROOT, "%,d", rows) + " rows | new | update | unchanged | error "
                + "| dry run | target | commit | target | rows/s committed | progress reads |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|");
        for (Run r : runs) {
            JsonNode s = r.status();
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.1f s | < 20 s %s | %.1f s | < 60 s %s | %,.0f | %d + %d |%n", r.name(),
                    s.get("new").asLong(), s.get("update").asLong(), s.get("unchanged").asLong(), s.get("error").asLong(),
                    r.dryRunSeconds(), r.dryRunSeconds() < 20 ? "PASS" : "FAIL", r.commitSeconds(), r.commitSeconds() < 60 ? "PASS" : "FAIL",
                    s.get("committed_rows").asLong() / Math.max(r.commitSeconds(), 0.001), r.dryRunPolls(), r.commitPolls());
        }
        System.out.println();
        OfertasBenchmark.say("durable embedded PostgreSQL; 2 cores shared by the app, its import worker, PostgreSQL and this client; "
                + "done in %d s", (System.nanoTime() - t0) / 1_000_000_000);
        System.exit(0);
    }

    private static Run run(Browser b, String name, byte[] file, int rows) throws Exception {
        HttpResponse<String> up = b.postFile("/importaciones", "file", "clientes.csv", "text/csv", file);
        Matcher m = LOCATION.matcher(up.headers().firstValue("Location").orElse(""));
        if (up.statusCode() != 303 || !m.find()) throw new IllegalStateException("upload: " + up.statusCode() + " " + up.body());
        long id = Long.parseLong(m.group(1));
        Map<String, String> form = new LinkedHashMap<>(ImportTestSupport.suggested(b.get("/importaciones/" + id).body()));
        form.put("header", "1");
        form.put("key", "email");
        form.put("mode", "both");
        long start = System.nanoTime();
        expect303(b.post("/importaciones/" + id + "/validar", form));
        int[] polls = new int[1];
        waitFor(b, id, "validated", name + ", dry run", polls);
        double dry = (System.nanoTime() - start) / 1e9;
        int dryPolls = polls[0];
        polls[0] = 0;
        start = System.nanoTime();
        expect303(b.post("/importaciones/" + id + "/confirmar", Map.of()));
        JsonNode done = waitFor(b, id, "done", name + ", commit", polls);
        double commit = (System.nanoTime() - start) / 1e9;
        OfertasBenchmark.say("%s: dry run %.1f s, commit %.1f s, %s", name, dry, commit, done);
        return new Run(name, rows, dry, commit, dryPolls, polls[0], done);
    }

    private static JsonNode waitFor(Browser b, long id, String state, String what, int[] polls) throws Exception {
        long until = System.nanoTime() + 600_000_000_000L;
        int lastPercent = -1;
        while (true) {
            JsonNode s = JSON.readTree(b.get("/importaciones/" + id + "/estado").body());
            polls[0]++;
            if (s.get("state").asText().equals(state)) return s;
            if (s.get("state").asText().equals("failed") || System.nanoTime() > until) throw new IllegalStateException(what + ": " + s);
            int percent = s.get("percent").asInt();
            if (percent / 25 != lastPercent / 25) OfertasBenchmark.say("  %s: %d%%", what, percent);
            lastPercent = percent;
            Thread.sleep(200);
        }
    }

    private static void expect303(HttpResponse<String> r) {
        if (r.statusCode() != 303) throw new IllegalStateException(r.statusCode() + " " + r.body());
    }

    /** The file; with {@code editEvery} > 0 that share of rows has another address (an update each). */
    static byte[] csv(int rows, int editEvery) {
        StringBuilder s = new StringBuilder(rows * 130);
        s.append("Nombre;RUT;Correo;Teléfono;Dirección;Comuna;Estado;Notas\r\n");
        for (int i = 1; i <= rows; i++) {
            String first = FIRST[i % FIRST.length], last = LAST[(i / 7) % LAST.length];
            int body = 5_000_000 + i * 7;
            String rut = body + "-" + (i % 100 == 17 ? wrong(check(body)) : check(body));
            String email = i % 100 == 41 ? "sin-arroba-" + i : "cliente" + i + "@correo.cl";
            String name = i % 100 == 73 ? "" : first + " " + last + " " + i;
            String address = "Av. Los Aromos " + (i % 900 + 1) + (editEvery > 0 && i % editEvery == 0 ? ", depto 2" : "");
            s.append(name).append(';').append(rut).append(';').append(email).append(";+56 9 ").append(10_000_000 + i).append(';')
                    .append(address).append(';').append(CITY[i % CITY.length]).append(';').append(i % 5 == 0 ? "Prospecto" : "Activo")
                    .append(';').append(i % 3 == 0 ? "\"Cliente de \"\"toda la vida\"\"\"" : "").append("\r\n");
        }
        return s.toString().getBytes(Charset.forName("windows-1252"));
    }

    private static char check(int body) {
        int sum = 0, factor = 2;
        for (int n = body; n > 0; n /= 10) {
            sum += (n % 10) * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }
        int d = 11 - sum % 11;
        return d == 11 ? '0' : d == 10 ? 'K' : (char) ('0' + d);
    }

    private static char wrong(char right) {
        return right == '1' ? '2' : '1';
    }
}
