package dev.mostrador.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.templates.Templates;
import gg.jte.output.StringOutput;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers Jetty gives before a request reaches the app: a malformed request (400, a header
 * too large: 431) or a request refused by the line of active requests (503, {@link ActiveRequests}).
 * The same words, page and headers as {@link ErrorPages} (JSON under /api/ or when asked), in
 * the language the client asks for, instead of Jetty's English table.
 */
public final class ServerErrors implements Request.Handler {
    /** How long a client refused for load should wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Templates templates;
    private final SecurityHeaders securityHeaders;

    public ServerErrors(Templates templates, SecurityHeaders securityHeaders) {
        this.templates = templates;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String code = ErrorPages.code(status, null);
        HttpFields headers = request.getHeaders();
        String accept = headers.get(HttpHeader.ACCEPT);
        Messages messages = Messages.of(Web.preferredLanguage(headers.get(HttpHeader.ACCEPT_LANGUAGE)));
        String title = messages.t("error." + code + ".title");
        String text = messages.t("error." + code + ".text");
        String path = Request.getPathInContext(request);

        HttpFields.Mutable out = response.getHeaders();
        securityHeaders.headers().forEach(out::put);
        out.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (status == 503) out.put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        byte[] body;
        if (ErrorPages.answersJson(path, accept)) {
            out.put(HttpHeader.CONTENT_TYPE, "application/json");
            Map<String, String> error = new LinkedHashMap<>();
            error.put("error", code);
            error.put("message", text);
            body = json(error);
        } else {
            out.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            StringOutput html = new StringOutput();
            templates.errorsError(new PageContext(null, messages, null, null, path), status, title, text, null).render(html);
            body = html.toString().getBytes(StandardCharsets.UTF_8);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static byte[] json(Map<String, String> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
