package dev.mostrador.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's HTTP/1.1 client: one blocking keep-alive socket per virtual user, the
 * request written as bytes, the answer read to its last byte (Content-Length or chunked) and
 * counted, not kept. The load generator shares the cores with the app and PostgreSQL, so its own
 * CPU per request counts: {@code java.net.http.HttpClient} (selector threads, futures, header
 * maps) cost about as much CPU as the app's cheapest answers; this costs a fraction of it, the
 * way wrk does. Requests are described with {@link HttpRequest} all the same.
 */
final class RawHttp implements AutoCloseable {
    /** A response: its status, its body's length and first bytes (for error messages). */
    record Response(int status, long length, byte[] head) {
        static final int HEAD = 200;

        String start() {
            return new String(head, StandardCharsets.UTF_8);
        }
    }

    private final InetSocketAddress address;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    /** Sends the request on the open connection (opening one if needed) and reads the whole answer. */
    Response send(byte[] request) throws IOException {
        boolean fresh = socket == null;
        if (fresh) connect();
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            if (fresh) throw e;
            // The server closed a kept-alive connection between two requests: once more on a new one.
            connect();
            out.write(request);
            out.flush();
            return read();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        position = limit = 0;
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + statusLine);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(Response.HEAD);
        long length = 0;
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(line()), 16); size > 0; size = Long.parseLong(chunkSize(line()), 16)) {
                length += skip(size, head);
                line(); // the CRLF after the chunk
            }
            while (!line().isEmpty()) { } // trailers
        } else if (contentLength >= 0) {
            length = skip(contentLength, head);
        } else {
            throw new IOException("an answer without Content-Length nor chunks");
        }
        if (close) close();
        return new Response(status, length, head.toByteArray());
    }

    private static String chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    }

    /** Reads past {@code n} body bytes, keeping the first ones in {@code head}. */
    private long skip(long n, ByteArrayOutputStream head) throws IOException {
        long left = n;
        while (left > 0) {
            if (position == limit) fill();
            int take = (int) Math.min(left, limit - position);
            if (head.size() < Response.HEAD) head.write(buffer, position, Math.min(take, Response.HEAD - head.size()));
            position += take;
            left -= take;
        }
        return n;
    }

    /** One line without its CRLF (headers and chunk sizes are ASCII). */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (position == limit) fill();
            byte b = buffer[position++];
            if (b == '\n') {
                int end = sb.length();
                if (end > 0 && sb.charAt(end - 1) == '\r') sb.setLength(end - 1);
                return sb.toString();
            }
            sb.append((char) (b & 0xff));
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) throw new EOFException("the server closed the connection");
        position = 0;
        limit = n;
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            socket = null;
        }
    }

    /** The bytes of a request: request line, Host, its headers, Content-Length and body. */
    static byte[] encode(HttpRequest request) {
        byte[] body = request.bodyPublisher().map(RawHttp::bytesOf).orElse(new byte[0]);
        String query = request.uri().getRawQuery();
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ')
                .append(request.uri().getRawPath()).append(query == null ? "" : "?" + query).append(" HTTP/1.1\r\n")
                .append("Host: ").append(request.uri().getHost()).append(':').append(request.uri().getPort()).append("\r\n");
        request.headers().map().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
        if (body.length > 0 || !request.method().equals("GET")) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] part = new byte[item.remaining()];
                item.get(part);
                collected.writeBytes(part);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(collected.toByteArray());
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the request body", e);
        }
    }
}
