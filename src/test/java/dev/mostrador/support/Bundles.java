package dev.mostrador.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The message bundles on the test classpath (messages*.properties and i18n/), read as UTF-8. */
public final class Bundles {
    private Bundles() {}

    public static List<Path> bundles() throws IOException, URISyntaxException {
        Path root = Path.of(Bundles.class.getResource("/messages.properties").toURI()).getParent();
        try (Stream<Path> files = Stream.concat(Files.list(root), Files.list(root.resolve("i18n")))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties"))
                    .filter(f -> f.getParent().endsWith("i18n") || f.getFileName().toString().startsWith("messages"))
                    .sorted().toList();
        }
    }

    public static Properties load(Path bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(bundle)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
