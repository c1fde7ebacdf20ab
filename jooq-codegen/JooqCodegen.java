import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes from the Flyway schema: starts a throw-away embedded PostgreSQL,
 * applies migrations/, and runs jOOQ's GenerationTool. Run by Maven in generate-sources:
 * {@code java -cp <compile classpath> jooq-codegen/JooqCodegen.java <migrations> <output>}.
 * Skips all of it when the SHA-256 of the migrations (and of this file) is unchanged.
 */
public class JooqCodegen {
    static final String PACKAGE = "dev.mostrador.db";
    static final List<String> SCHEMAS = List.of("public", "rewards");

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve(".migrations.sha256");
        String digest = digest(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated classes are current");
            return;
        }
        long started = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            var flyway = Flyway.configure()
                    .dataSource(url, "postgres", "")
                    .locations("filesystem:" + migrations.toAbsolutePath());
            // As in Migrations: a CREATE INDEX CONCURRENTLY would wait forever on Flyway's own lock.
            flyway.getConfigurationExtension(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
            flyway.load().migrate();
            Database database = new Database()
                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                    .withExcludes("flyway_schema_history");
            for (String schema : SCHEMAS) {
                database.getSchemata().add(new SchemaMappingType().withInputSchema(schema));
            }
            GenerationTool.generate(new Configuration()
                    .withLogging(org.jooq.meta.jaxb.Logging.WARN)
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(database)
                            .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true)
                                    .withPojos(false).withDaos(false).withFluentSetters(true))
                            .withTarget(new Target().withPackageName(PACKAGE)
                                    .withDirectory(output.toAbsolutePath().toString()).withClean(true))));
        }
        Files.createDirectories(output);
        Files.writeString(stamp, digest);
        System.out.printf("[jooq-codegen] generated in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    static String digest(Path migrations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                sha.update(file.getFileName().toString().getBytes());
                sha.update(Files.readAllBytes(file));
            }
        }
        sha.update(String.join(",", SCHEMAS).getBytes());
        return HexFormat.of().formatHex(sha.digest());
    }
}
