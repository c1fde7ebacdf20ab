package dev.mostrador.platform.migrationcheck;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads migration scripts: given files, the packaged ones (classpath db/migration, in the jar or target/classes). */
public final class MigrationScripts {
    public static final String PACKAGED = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([^_]+)__.+\\.sql");

    private MigrationScripts() {}

    /** A file given by path; accepted-checks.txt beside it applies. A missing file is a one-line error. */
    public static MigrationScript file(Path path) {
        try {
            String sql = Files.readString(path, StandardCharsets.UTF_8);
            Path accepts = path.toAbsolutePath().resolveSibling(AcceptedChecks.FILE_NAME);
            AcceptedChecks accepted = Files.isRegularFile(accepts)
                    ? AcceptedChecks.parse(accepts.toString(), Files.readString(accepts, StandardCharsets.UTF_8)) : AcceptedChecks.NONE;
            return new MigrationScript(path.getFileName().toString(), path.toString(), sql, accepted);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Every SQL migration packaged with the app, in Flyway's order. */
    public static List<MigrationScript> packaged() {
        URL url = MigrationScripts.class.getClassLoader().getResource(PACKAGED);
        if (url == null) throw new IllegalStateException("no " + PACKAGED + " on the classpath");
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) return inFolder(Path.of(uri), "migrations/");
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return inFolder(jar.getPath(PACKAGED), "migrations/");
            } catch (FileSystemAlreadyExistsException e) {
                // Opened by someone else in this JVM: ours to read, not to close.
                return inFolder(FileSystems.getFileSystem(uri).getPath(PACKAGED), "migrations/");
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list " + url + ": " + e.getMessage(), e);
        }
    }

    /** A packaged script by its name relative to db/migration, or null. */
    public static MigrationScript packaged(String script) {
        ClassLoader loader = MigrationScripts.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(PACKAGED + "/" + script)) {
            if (in == null) return null;
            return new MigrationScript(script, "migrations/" + script, new String(in.readAllBytes(), StandardCharsets.UTF_8), packagedAccepts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AcceptedChecks packagedAccepts() throws IOException {
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(PACKAGED + "/" + AcceptedChecks.FILE_NAME)) {
            return in == null ? AcceptedChecks.NONE
                    : AcceptedChecks.parse("migrations/" + AcceptedChecks.FILE_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The versioned SQL files of a folder, in version order, with the folder's accepted-checks.txt. */
    public static List<MigrationScript> inFolder(Path folder, String shownAs) throws IOException {
        Path accepts = folder.resolve(AcceptedChecks.FILE_NAME);
        AcceptedChecks accepted = Files.isRegularFile(accepts)
                ? AcceptedChecks.parse(shownAs + AcceptedChecks.FILE_NAME, Files.readString(accepts, StandardCharsets.UTF_8)) : AcceptedChecks.NONE;
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> VERSIONED.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> version(p.getFileName().toString())))
                    .map(p -> new MigrationScript(p.getFileName().toString(), shownAs + p.getFileName(), read(p), accepted))
                    .toList();
        }
    }

    private static MigrationVersion version(String name) {
        Matcher m = VERSIONED.matcher(name);
        return m.matches() ? MigrationVersion.fromVersion(m.group(1).replace('_', '.')) : MigrationVersion.EMPTY;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
