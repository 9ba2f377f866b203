package dev.packguard.app.station.input;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The hand-over between the thread reading a camera's pictures and the thread decoding them:
 * one slot holding the newest picture not yet decoded. A picture put while the slot is full
 * replaces the older one (counted as skipped), so the reader never waits and nothing queues:
 * at any time there are at most four picture buffers (being read, waiting, being decoded, spare),
 * which are reused instead of allocating a picture per frame.
 */
final class Latest {
    private final FrameFormat format;
    private BufferedImage pending;
    private long pendingNanos;
    private BufferedImage spare;
    private boolean gap;
    private boolean closed;
    private long skipped;

    /** A picture to decode, taken at {@code nanos}; {@code afterGap} when the pictures stopped before it. */
    record Taken(BufferedImage image, long nanos, boolean afterGap) {
    }

    Latest(FrameFormat format) {
        this.format = format;
    }

    /** A buffer to read the next picture into: the spare one, or a new one. */
    synchronized BufferedImage empty() {
        if (spare != null) {
            BufferedImage b = spare;
            spare = null;
            return b;
        }
        return new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_BYTE_GRAY);
    }

    /** Offers {@code image}, read at {@code nanos}, for decoding, in place of any picture still waiting. */
    synchronized void put(BufferedImage image, long nanos) {
        if (pending != null) {
            skipped++;
            spare = pending;
        }
        pending = image;
        pendingNanos = nanos;
        notifyAll();
    }

    /** The pictures stopped: a picture still waiting is dropped, and the next one taken says so. */
    synchronized void gap() {
        if (pending != null) {
            skipped++;
            spare = pending;
            pending = null;
        }
        gap = true;
    }

    /** Gives a buffer back once read from (or not filled). */
    synchronized void done(BufferedImage image) {
        spare = image;
    }

    /** The next picture, waiting for one; empty once closed. */
    synchronized Optional<Taken> take() {
        while (pending == null && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                closed = true;
            }
        }
        if (closed) {
            return Optional.empty();
        }
        Taken t = new Taken(pending, pendingNanos, gap);
        pending = null;
        gap = false;
        return Optional.of(t);
    }

    /** Pictures put but never taken, because a newer one came first or the pictures stopped. */
    synchronized long skipped() {
        return skipped;
    }

    /** Ends {@link #take}: the decoding thread stops. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
