package dev.packguard.node.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.tiles.TilePath;
import dev.packguard.node.sequencer.Journal;
import dev.packguard.node.sequencer.Published;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.sequencer.Submission;
import dev.packguard.node.sequencer.SubmissionValidator;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node's HTTP interface on the JDK's HttpServer (docs/LEDGER.md, "The reference node"):
 *
 * <pre>
 * GET  /checkpoint                  Cache-Control: no-cache
 * GET  /tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]        Cache-Control: public, max-age=31536000, immutable
 * GET  /tile/entries/&lt;N&gt;[.p/&lt;W&gt;]    (the same)
 * POST /add                         one entry; 200 + tlog-proof once integrated, 202 + index if not yet;
 *                                   the same for an entry already in the log, plus PackGuard-Duplicate: true
 * GET  /proof/&lt;index&gt;              tlog-proof against the latest checkpoint
 * </pre>
 *
 * Static paths are served only in their canonical tlog-tiles spelling ({@link TilePath#parse}),
 * so nothing outside the log (the node's key and journal) can be reached. gzip when accepted.
 * Without a sequencer it serves a log directory read-only.
 */
public final class NodeServer implements AutoCloseable {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String PROOF_TYPE = "text/plain; charset=utf-8";

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY the body waits
        // for the client's delayed ACK, 40 ms per response. Read once, when the server's
        // configuration class loads, so it is set before any server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final LogDirectory log;
    private final Optional<Sequencer> sequencer;
    private final Duration wait;

    private NodeServer(HttpServer server, ExecutorService pool, LogDirectory log, Optional<Sequencer> sequencer, Duration wait) {
        this.server = server;
        this.pool = pool;
        this.log = log;
        this.sequencer = sequencer;
        this.wait = wait;
    }

    /**
     * Starts serving {@code log} on {@code address} (use 127.0.0.1; port 0 picks a free one),
     * with the submission endpoints when a sequencer is given. A submission waits up to
     * {@code wait} for its entry to be integrated before it is answered 202.
     */
    public static NodeServer start(InetSocketAddress address, LogDirectory log, Optional<Sequencer> sequencer,
            Duration wait, int threads) throws IOException {
        HttpServer server = HttpServer.create(address, 256);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "node-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        NodeServer node = new NodeServer(server, pool, log, sequencer, wait);
        server.createContext("/", node::handle);
        server.start();
        return node;
    }

    /** Serves {@code log} with defaults: 64 threads, submissions wait up to 10 s. */
    public static NodeServer start(InetSocketAddress address, LogDirectory log, Optional<Sequencer> sequencer) throws IOException {
        return start(address, log, sequencer, Duration.ofSeconds(10), 64);
    }

    /** The log's URL prefix, ending in a slash. */
    public URI base() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            boolean read = method.equals("GET") || method.equals("HEAD");
            if (path.equals("/add")) {
                if (!method.equals("POST")) {
                    ex.getResponseHeaders().set("Allow", "POST");
                    Responses.text(ex, 405, "use POST to submit an entry");
                } else if (sequencer.isEmpty()) {
                    Responses.text(ex, 404, "this server only serves a copy of the log; submit to the node");
                } else {
                    add(ex, sequencer.get());
                }
            } else if (!read) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                Responses.text(ex, 405, "method not allowed");
            } else if (path.equals("/" + LogDirectory.CHECKPOINT)) {
                serveFile(ex, log.root().resolve(LogDirectory.CHECKPOINT), "no-cache");
            } else if (path.startsWith("/proof/") && sequencer.isPresent()) {
                proof(ex, sequencer.get(), path.substring("/proof/".length()));
            } else if (path.startsWith("/tile/") && TilePath.parse(path.substring(1)) instanceof Parsed.Ok<TilePath> ok) {
                serveFile(ex, log.root().resolve(ok.value().path()), IMMUTABLE);
            } else {
                Responses.text(ex, 404, "not found");
            }
        } catch (IOException | RuntimeException e) {
            // The exchange is closed by try-with-resources; a broken connection is the client's.
        }
    }

    private void serveFile(HttpExchange ex, Path file, String cacheControl) throws IOException {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            Responses.text(ex, 404, "not found");
            return;
        }
        String type = cacheControl.equals(IMMUTABLE) ? "application/octet-stream" : "text/plain; charset=utf-8";
        Responses.send(ex, 200, type, cacheControl, body);
    }

    private void add(HttpExchange ex, Sequencer s) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.length() > 7) {
            Responses.text(ex, 413, "an entry is at most " + Journal.MAX_ENTRY + " bytes");
            return;
        }
        if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > Journal.MAX_ENTRY) {
            Responses.text(ex, 413, "an entry is at most " + Journal.MAX_ENTRY + " bytes, this one is " + length);
            return;
        }
        byte[] entry;
        try (InputStream in = ex.getRequestBody()) {
            if (length != null && length.matches("[0-9]{1,5}")) {
                // The usual case: read exactly the declared length into one array.
                entry = new byte[Integer.parseInt(length)];
                int n = in.readNBytes(entry, 0, entry.length);
                if (n < entry.length) {
                    Responses.text(ex, 400, "the body ended after " + n + " of " + entry.length + " bytes");
                    return;
                }
            } else {
                entry = in.readNBytes(Journal.MAX_ENTRY + 1);
            }
        }
        boolean async = "wait=0".equals(ex.getRequestURI().getRawQuery());
        // No timeout here: the sequencer answers every submission (durable, refused, or
        // unavailable on shutdown), and answering 503 to an entry that is then journalled
        // would tell the client that nothing was written when it was.
        Submission answer = s.submit(entry).join();
        if (answer instanceof Submission.Sequenced q) {
            sequenced(ex, s, q.index(), async);
        } else if (answer instanceof Submission.AlreadyLogged a) {
            // Idempotent: a resubmission gets the answer the first submission got.
            ex.getResponseHeaders().set("PackGuard-Duplicate", "true");
            sequenced(ex, s, a.index(), async);
        } else if (answer instanceof Submission.TooLarge t) {
            Responses.text(ex, 413, "an entry is at most " + t.limit() + " bytes");
        } else if (answer instanceof Submission.Rejected r) {
            Responses.text(ex, r.verdict() instanceof SubmissionValidator.Verdict.Conflict ? 409 : 400, r.reason());
        } else if (answer instanceof Submission.Overloaded o) {
            ex.getResponseHeaders().set("Retry-After", "1");
            Responses.text(ex, 503, "the node is busy (" + o.pending() + " entries waiting); retry shortly");
        } else {
            ex.getResponseHeaders().set("Retry-After", "5");
            Responses.text(ex, 503, "the node cannot accept entries: " + ((Submission.Unavailable) answer).reason());
        }
    }

    private void sequenced(HttpExchange ex, Sequencer s, long index, boolean async) throws IOException {
        ex.getResponseHeaders().set("PackGuard-Index", Long.toString(index));
        Optional<TlogProof> proof = async ? Optional.empty()
                : await(s.integrated(index), wait).flatMap(p -> s.proof(index));
        if (proof.isEmpty()) {
            ex.getResponseHeaders().set("Location", "/proof/" + index);
            Responses.send(ex, 202, "text/plain; charset=utf-8", "no-store",
                    ("index " + index + "\n").getBytes(StandardCharsets.US_ASCII));
            return;
        }
        Responses.send(ex, 200, PROOF_TYPE, "no-store", proof.get().serialise().getBytes(StandardCharsets.UTF_8));
    }

    private void proof(HttpExchange ex, Sequencer s, String indexText) throws IOException {
        if (!indexText.matches("0|[1-9][0-9]{0,17}")) {
            Responses.text(ex, 400, "the index must be a decimal number without leading zeros");
            return;
        }
        long index = Long.parseLong(indexText);
        Optional<TlogProof> proof = s.proof(index);
        if (proof.isPresent()) {
            Responses.send(ex, 200, PROOF_TYPE, "no-cache", proof.get().serialise().getBytes(StandardCharsets.UTF_8));
        } else if (index < s.sequenced()) {
            ex.getResponseHeaders().set("Retry-After", "1");
            Responses.text(ex, 404, "entry " + index + " is sequenced but not in a published checkpoint yet");
        } else {
            Responses.text(ex, 404, "the log has no entry " + index);
        }
    }

    private static <T> Optional<T> await(java.util.concurrent.CompletableFuture<T> f, Duration limit) {
        try {
            return Optional.of(f.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** The published checkpoint, for status lines. */
    public Optional<Published> published() {
        return sequencer.flatMap(Sequencer::published);
    }
}
