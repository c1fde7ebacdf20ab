package dev.mostrador.platform.web;

import dev.mostrador.App;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedHostsTest {
    @Test
    void matchesNamesSubdomainsAndPortsLikeDjango() {
        AllowedHosts hosts = new AllowedHosts(List.of("mostrador.friosur.cl", ".tiendas.cl", "[::1]"));
        assertTrue(hosts.allows("mostrador.friosur.cl"));
        assertTrue(hosts.allows("Mostrador.FrioSur.cl:443"));
        assertTrue(hosts.allows("mostrador.friosur.cl."));
        assertTrue(hosts.allows("tiendas.cl"));
        assertTrue(hosts.allows("sur.tiendas.cl:8443"));
        assertTrue(hosts.allows("[::1]:7070"));
        assertFalse(hosts.allows("evil.example"));
        assertFalse(hosts.allows("mostrador.friosur.cl.evil.example"));
        assertFalse(hosts.allows("eviltiendas.cl"));
        assertFalse(hosts.allows(null));
        assertFalse(hosts.allows(""));
    }

    @Test
    void theAppAnswersAnotherHost400ButHealthToAnyone() throws Exception {
        try (App app = App.start(TestApp.config(Map.of("MOSTRADOR_ALLOWED_HOSTS", "localhost")), TestDatabase.get(), false)) {
            assertEquals("400", statusOf(app.port(), "/login", "evil.example"));
            assertEquals("200", statusOf(app.port(), "/login", "localhost:" + app.port()));
            assertEquals("200", statusOf(app.port(), "/health", "10.0.0.7"));
        }
    }

    /** HttpClient will not send a Host of our choosing: the request line by hand. */
    private static String statusOf(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 400"
            return statusLine.substring(9, 12);
        }
    }
}
