package dev.packguard.ledger.mirror;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tlog-tiles log's files over HTTP(S) with java.net.http: gzip accepted, a size limit
 * per resource, a deadline per attempt that also covers a server trickling the body, and
 * retries with exponential backoff for transient failures (connection errors, timeouts, 5xx,
 * 429). 404/410 is an answer, not a failure, and is not retried.
 *
 * <p>Everything returned is untrusted: the caller verifies it before use.
 */
public final class LogFetcher {
    /** Settings for fetching. */
    public record Settings(Duration attemptTimeout, int attempts, Duration firstBackoff, int parallelism) {
        public Settings {
            if (attempts < 1 || parallelism < 1 || attemptTimeout.isNegative() || attemptTimeout.isZero()) {
                throw new IllegalArgumentException("bad fetch settings");
            }
        }

        /** 15 s per attempt, 4 attempts, 250 ms first backoff, 8 downloads at once. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(15), 4, Duration.ofMillis(250), 8);
        }
    }

    private final URI base;
    private final Settings settings;
    private final LazyHttpClient client;

    /** A fetcher for the log whose files live under {@code base} (a directory URL). */
    public LogFetcher(URI base, Settings settings) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.settings = settings;
        this.client = new LazyHttpClient(() -> HttpClient.newBuilder()
                .connectTimeout(settings.attemptTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build());
    }

    /** The settings in force. */
    public Settings settings() {
        return settings;
    }

    /** The log's base URL (ends with a slash). */
    public URI base() {
        return base;
    }

    /**
     * Fetches {@code path} (relative to the base, e.g. {@code checkpoint} or
     * {@code tile/entries/000}) asynchronously, at most {@code limit} bytes after decompression.
     * {@code fresh} asks caches for a current copy (the checkpoint); tiles are immutable.
     */
    public CompletableFuture<Fetched> fetch(String path, long limit, boolean fresh) {
        URI uri = base.resolve(path);
        return attempt(uri, limit, fresh, 1, settings.firstBackoff());
    }

    private CompletableFuture<Fetched> attempt(URI uri, long limit, boolean fresh, int n, Duration backoff) {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(settings.attemptTimeout())
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "PackGuard-station");
        if (fresh) {
            req.header("Cache-Control", "no-cache");
        }
        long wireLimit = limit + 64 * 1024;
        return client.get().sendAsync(req.build(), info -> new LimitedBody(wireLimit,
                        info.headers().firstValueAsLong("Content-Length").orElse(-1)))
                .orTimeout(settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> classify(uri, limit, response, error))
                .thenCompose(result -> {
                    if (result instanceof Transient t && n < settings.attempts()) {
                        var delayed = CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS);
                        return CompletableFuture.supplyAsync(() -> null, delayed)
                                .thenCompose(x -> attempt(uri, limit, fresh, n + 1, backoff.multipliedBy(2)));
                    }
                    if (result instanceof Transient t) {
                        return CompletableFuture.completedFuture(new Fetched.Failed(uri.toString(),
                                t.reason() + " (after " + n + " attempts)"));
                    }
                    return CompletableFuture.completedFuture(((Final) result).fetched());
                });
    }

    private sealed interface Outcome permits Transient, Final {
    }

    private record Transient(String reason) implements Outcome {
    }

    private record Final(Fetched fetched) implements Outcome {
    }

    private static Outcome classify(URI uri, long limit, HttpResponse<byte[]> response, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof LimitedBody.TooLarge) {
                return new Final(new Fetched.Failed(uri.toString(), "the server sent more than " + limit
                        + " bytes; a valid resource is never that large"));
            }
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
                return new Transient("no complete answer within the time limit (server slow or trickling data)");
            }
            if (cause instanceof ConnectException) {
                return new Transient("connection refused or host unreachable");
            }
            return new Transient(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return new Final(new Fetched.NotFound(uri.toString()));
        }
        if (status == 429 || status >= 500) {
            return new Transient("HTTP " + status + " from the server");
        }
        if (status != 200) {
            return new Final(new Fetched.Failed(uri.toString(), "unexpected HTTP " + status));
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (encoding.equals("gzip")) {
            try {
                body = gunzip(body, limit);
            } catch (LimitedBody.TooLarge e) {
                return new Final(new Fetched.Failed(uri.toString(), "the server sent more than " + limit
                        + " bytes; a valid resource is never that large"));
            } catch (IOException e) {
                return new Transient("bad gzip data: " + e.getMessage());
            }
        } else if (!encoding.equals("identity")) {
            return new Final(new Fetched.Failed(uri.toString(), "unsupported Content-Encoding " + encoding));
        }
        if (body.length > limit) {
            return new Final(new Fetched.Failed(uri.toString(), "the server sent more than " + limit
                    + " bytes; a valid resource is never that large"));
        }
        return new Final(new Fetched.Body(body));
    }

    /** Decompresses at most {@code limit} bytes; more is reported as {@link LimitedBody.TooLarge}, never cut short. */
    private static byte[] gunzip(byte[] data, long limit) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if ((long) out.size() + n > limit) {
                    throw new LimitedBody.TooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
