package dev.packguard.ledger.mirror;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.tiles.TileWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 serving a tlog-tiles log from memory, with hooks to break it
 * the ways real servers, proxies and attackers do. The checkpoint it serves is the bare
 * checkpoint body (origin, size, root); {@link BodyOnlyVerifier} stands in for the signed-note
 * policy check, which has its own tests.
 */
final class TestLogServer implements AutoCloseable {
    /** What to do with one request instead of serving it normally. */
    sealed interface Fault permits Status, Replace, Delay, Gzip, Chunked {
    }

    record Status(int code) implements Fault {
    }

    record Replace(byte[] body) implements Fault {
    }

    record Delay(long millis) implements Fault {
    }

    /** Serve {@code body} without announcing its length (chunked transfer encoding). */
    record Chunked(byte[] body) implements Fault {
    }

    /** Serve normally but gzip-compressed. */
    record Gzip() implements Fault {
    }

    final String origin;
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<byte[]> entries = new ArrayList<>();
    volatile Function<String, Fault> faults = path -> null;

    TestLogServer(String origin) throws IOException {
        this.origin = origin;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/log/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/log/");
    }

    /** Appends {@code n} generated entries and publishes the tree at its new size. */
    TestLogServer append(int n, String tag) {
        for (int i = 0; i < n; i++) {
            entries.add(("{\"entry\":" + entries.size() + ",\"tag\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return publish(entries.size());
    }

    /** Serves the files and checkpoint of the first {@code size} entries (files of larger trees stay). */
    TestLogServer publish(int size) {
        List<byte[]> prefix = entries.subList(0, size);
        files.putAll(TileWriter.writeLog(prefix));
        MemoryTree tree = new MemoryTree();
        prefix.forEach(tree::appendEntry);
        files.put("checkpoint", BodyOnlyVerifier.body(origin, size, tree.root()));
        return this;
    }

    /** Replaces every served file and the checkpoint with those of an unrelated log of {@code size} entries. */
    void serveOtherLog(int size, String tag) {
        files.clear();
        entries.clear();
        append(size, tag);
    }

    void put(String path, byte[] body) {
        files.put(path, body);
    }

    byte[] file(String path) {
        return files.get(path);
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring("/log/".length());
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.apply(path);
            byte[] body = files.get(path);
            if (fault instanceof Status s) {
                ex.sendResponseHeaders(s.code(), -1);
                return;
            }
            if (fault instanceof Replace r) {
                body = r.body();
            }
            if (fault instanceof Chunked c) {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int at = 0; at < c.body().length; at += 8192) {
                        out.write(c.body(), at, Math.min(8192, c.body().length - at));
                    }
                }
                return;
            }
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (fault instanceof Delay d) {
                sleep(d.millis());
            }
            if (fault instanceof Gzip) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                    gz.write(body);
                }
                body = buf.toByteArray();
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up (timeout tests): nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
