package dev.packguard.node.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.packguard.ledger.note.NoteSignature;
import dev.packguard.ledger.note.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link CheckpointWitness} over HTTP: {@code POST <prefix>/add-checkpoint}, with the
 * statuses and bodies of c2sp.org/tlog-witness (200 cosignature lines; 409 with
 * {@code Content-Type: text/x.tlog.size} and the latest size; 400, 403, 404, 422 with a reason).
 */
public final class WitnessServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final CheckpointWitness witness;

    private WitnessServer(HttpServer server, ExecutorService pool, CheckpointWitness witness) {
        this.server = server;
        this.pool = pool;
        this.witness = witness;
    }

    /** Starts serving {@code witness} on {@code address} (127.0.0.1; port 0 picks one). */
    public static WitnessServer start(InetSocketAddress address, CheckpointWitness witness) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "witness-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        WitnessServer w = new WitnessServer(server, pool, witness);
        server.createContext("/add-checkpoint", w::handle);
        server.start();
        return w;
    }

    /** The submission prefix, ending in a slash. */
    public URI base() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals("/add-checkpoint")) {
                reply(ex, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().set("Allow", "POST");
                reply(ex, 405, "text/plain; charset=utf-8", "use POST\n");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(AddCheckpointRequest.MAX_BYTES + 1);
            }
            Parsed<AddCheckpointRequest> request = AddCheckpointRequest.parse(body);
            if (request instanceof Parsed.Err<AddCheckpointRequest> err) {
                reply(ex, 400, "text/plain; charset=utf-8", "malformed request: " + err.error() + "\n");
                return;
            }
            WitnessAnswer answer;
            try {
                answer = witness.addCheckpoint(request.orElseThrow());
            } catch (RuntimeException e) {
                reply(ex, 500, "text/plain; charset=utf-8", "the witness cannot cosign now: " + e.getMessage() + "\n");
                return;
            }
            if (answer instanceof WitnessAnswer.Cosigned c) {
                StringBuilder lines = new StringBuilder();
                for (NoteSignature s : c.cosignatures()) {
                    lines.append(s.line()).append('\n');
                }
                reply(ex, 200, "text/plain; charset=utf-8", lines.toString());
            } else if (answer instanceof WitnessAnswer.SizeConflict s) {
                reply(ex, 409, "text/x.tlog.size", s.latestSize() + "\n");
            } else {
                reply(ex, answer.status(), "text/plain; charset=utf-8", reason(answer) + "\n");
            }
        }
    }

    private static String reason(WitnessAnswer a) {
        if (a instanceof WitnessAnswer.RootMismatch r) {
            return r.reason();
        } else if (a instanceof WitnessAnswer.UnknownLog u) {
            return "unknown log " + u.origin();
        } else if (a instanceof WitnessAnswer.Forbidden f) {
            return f.reason();
        } else if (a instanceof WitnessAnswer.BadRequest b) {
            return b.reason();
        } else if (a instanceof WitnessAnswer.InvalidProof p) {
            return p.reason();
        }
        return a.toString();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
