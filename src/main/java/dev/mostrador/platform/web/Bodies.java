package dev.mostrador.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletOutputStream;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/**
 * How response bodies leave: whole, in one write with their length. Javalin's result stream
 * copies every body through a fresh 32 KB array and a compressing wrapper, in 32 KB chunks of
 * their own; for a body that is already bytes that is pure overhead. Only a body worth gzipping
 * for a client that takes gzip still goes through Javalin, which compresses it.
 */
public final class Bodies {
    /** Javalin's own threshold: smaller bodies are sent as they are. */
    static final int COMPRESS_FROM = 1500;
    private static final Pattern Q_ZERO = Pattern.compile("(?i)q\\s*=\\s*0(\\.0{0,3})?");

    private Bodies() {}

    public static void send(Context ctx, HttpStatus status, String contentType, byte[] body) {
        ctx.attribute(Web.RENDERED, true);
        ctx.status(status).contentType(contentType);
        if (body.length >= COMPRESS_FROM && acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.result(body);
        } else {
            sendShared(ctx, ByteBuffer.wrap(body));
        }
    }

    /**
     * A body kept in memory for many requests (best a direct buffer, which the socket takes
     * without one more copy); its position is left alone. Content type and headers first.
     */
    public static void sendShared(Context ctx, ByteBuffer body) {
        ctx.attribute(Web.RENDERED, true);
        try {
            ServletOutputStream out = ctx.res().getOutputStream();
            if (out instanceof HttpOutput jetty) {
                jetty.sendContent(body.slice());
            } else {
                byte[] copy = new byte[body.remaining()];
                body.slice().get(copy);
                ctx.res().setContentLength(copy.length);
                out.write(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether Accept-Encoding takes gzip: listed (or "*" when gzip is not listed) without q=0. */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        Boolean gzip = null;
        Boolean any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.split(";");
            String name = coding[0].trim();
            boolean accepted = true;
            for (int i = 1; i < coding.length; i++) {
                if (Q_ZERO.matcher(coding[i].trim()).matches()) accepted = false;
            }
            if (name.equalsIgnoreCase("gzip")) gzip = accepted;
            else if (name.equals("*")) any = accepted;
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }
}
