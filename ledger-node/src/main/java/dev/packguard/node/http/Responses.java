package dev.packguard.node.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writing responses: gzip when the client accepts it, HEAD without a body, text errors. */
final class Responses {
    /** Below this, gzip's header costs more than it saves. */
    private static final int GZIP_MIN = 512;

    private Responses() {
    }

    static void send(HttpExchange ex, int status, String contentType, String cacheControl, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", cacheControl);
        h.add("Vary", "Accept-Encoding");
        byte[] out = body;
        if (body.length >= GZIP_MIN && acceptsGzip(ex)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(body.length / 2 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(body);
            }
            out = buf.toByteArray();
            h.set("Content-Encoding", "gzip");
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", Integer.toString(out.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    static void text(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", "no-store", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // "gzip" as a coding in Accept-Encoding, unless explicitly refused with q=0.
    static boolean acceptsGzip(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Accept-Encoding", java.util.List.of())) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")) {
                    return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
        }
        return false;
    }
}
