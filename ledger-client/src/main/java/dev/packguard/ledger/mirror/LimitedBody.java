package dev.packguard.ledger.mirror;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up, cancelling the download, as soon as it exceeds
 * {@code limit} bytes: an oversized (or endless) tile must not fill the station's memory. When
 * the server announces a length above the limit, the body is refused before any of it is read.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** Completes the future exceptionally when the body exceeds the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("the response is larger than " + limit + " bytes", null, false, false);
        }
    }

    private final long limit;
    private final long announced;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer;
    private int size;
    private Flow.Subscription subscription;

    /** {@code announced} is the Content-Length, or -1 when the server did not say. */
    LimitedBody(long limit, long announced) {
        this.limit = limit;
        this.announced = announced;
        // Grow as bytes arrive rather than trusting the announced length for the whole allocation.
        this.buffer = new byte[(int) Math.min(limit, Math.min(announced >= 0 ? announced : 16 * 1024, 256 * 1024))];
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (announced > limit) {
            s.cancel();
            result.completeExceptionally(new TooLarge(limit));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            if ((long) size + n > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + n, 2L * buffer.length)));
            }
            b.get(buffer, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }
}
