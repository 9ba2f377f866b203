package dev.packguard.ledger.mirror;

import java.util.Objects;

/**
 * The outcome of fetching one resource of a log over HTTP(S).
 */
public sealed interface Fetched {

    /** The body, decompressed, within the size limit. */
    record Body(byte[] bytes) implements Fetched {
        public Body {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** The server answered 404 or 410: the resource does not exist (yet, or any more). */
    record NotFound(String url) implements Fetched {
    }

    /**
     * No usable answer after the retries: unreachable, refused, timed out, trickled, 5xx, too
     * large, or bad gzip. {@code reason} says which, for the operator.
     */
    record Failed(String url, String reason) implements Fetched {
    }
}
