package dev.mostrador.platform;

import dev.mostrador.platform.web.ActiveRequests;
import dev.mostrador.platform.web.SecurityHeaders;
import dev.mostrador.platform.web.ServerErrors;
import dev.mostrador.support.TestApp;
import dev.mostrador.templates.StaticTemplates;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Jetty answers before a request reaches the app: the app's page or JSON, never Jetty's table. */
class ServerErrorsTest {

    @Test
    void aMalformedRequestGetsTheAppsErrorPageInSpanishWithItsHeaders() throws Exception {
        String answer = raw(TestApp.baseUrl(), "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("Content-Security-Policy: default-src 'self'"), answer);
        assertTrue(answer.contains("<title>Solicitud no válida · Mostrador</title>"), answer);
        assertTrue(answer.contains("href=\"/static/css/app.css\""), "the app's own look");
        assertFalse(answer.contains("HTTP ERROR"), "not Jetty's page");
    }

    @Test
    void aMalformedApiRequestGetsJson() throws Exception {
        String answer = raw(TestApp.baseUrl(), "GET /api/ofertas HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("Content-Type: application/json"), answer);
        var body = dev.mostrador.support.Api.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals("bad_request", body.get("error").asText());
        assertEquals("No pudimos entender la solicitud. Revise los datos e intente otra vez.", body.get("message").asText());
    }

    @Test
    void aRequestRefusedByTheLineIsTold503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        QoSHandler line = ActiveRequests.handler(1);
        line.setMaxSuspendedRequestCount(0); // nobody may wait: the second request is refused at once
        line.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                busy.countDown();
                release.await(10, TimeUnit.SECONDS);
                response.setStatus(200);
                response.write(true, null, callback);
                return true;
            }
        });
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        server.setHandler(line);
        server.setErrorHandler(new ServerErrors(new StaticTemplates(), new SecurityHeaders(false)));
        server.start();
        try {
            String base = "http://localhost:" + connector.getLocalPort();
            Thread first = new Thread(() -> {
                try {
                    raw(base, "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                } catch (IOException ignored) {
                    // the server stops at the end of the test
                }
            });
            first.start();
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            String api = raw(base, "GET /api/ofertas/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(api.startsWith("HTTP/1.1 503 "), api);
            assertTrue(api.contains("Retry-After: 5"), api);
            assertTrue(api.contains("\"error\":\"unavailable\""), api);
            String page = raw(base, "GET /dashboard HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(page.startsWith("HTTP/1.1 503 "), page);
            assertTrue(page.contains("Servicio no disponible"), page);
            release.countDown();
            first.join(10_000);
        } finally {
            release.countDown();
            server.stop();
        }
    }

    private static String raw(String base, String request) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
