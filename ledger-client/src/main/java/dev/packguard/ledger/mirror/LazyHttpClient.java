package dev.packguard.ledger.mirror;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An HTTP client built on its first use. Building a {@link HttpClient} sets up the TLS stack and
 * reads the JDK's CA certificates, a noticeable part of a second, which a station opening its
 * mirror and its outbox does not need until it first talks to the ledger (after it is ready to
 * scan). Thread-safe; the client is built once.
 */
public final class LazyHttpClient {
    private final Supplier<HttpClient> build;
    private HttpClient client;

    /** A client that {@code build} makes on the first {@link #get()}. */
    public LazyHttpClient(Supplier<HttpClient> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The client, built now if this is the first call. */
    public synchronized HttpClient get() {
        if (client == null) {
            client = Objects.requireNonNull(build.get(), "the built client");
        }
        return client;
    }
}
