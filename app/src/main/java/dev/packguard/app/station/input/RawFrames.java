package dev.packguard.app.station.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Cuts ffmpeg's raw video stream ({@code -f rawvideo}) into frames. Raw video has no headers or
 * markers: a frame is exactly {@code frameBytes} bytes, so every read fills a whole frame,
 * however the pipe delivers the bytes, and a stream that ends inside a frame gives those bytes
 * back as {@link Ended#trailingBytes()}, never as a picture. A frame can therefore never be
 * taken from the middle of one picture and the start of the next (a shifted picture).
 */
public final class RawFrames {
    private final InputStream in;
    private final int frameBytes;

    /** Frames of {@code frameBytes} from {@code in}. */
    public RawFrames(InputStream in, int frameBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (frameBytes <= 0) {
            throw new IllegalArgumentException("frameBytes must be positive: " + frameBytes);
        }
        this.frameBytes = frameBytes;
    }

    /** The outcome of reading one frame. */
    public sealed interface Read permits Frame, Ended {
    }

    /** The buffer now holds one whole frame. */
    public record Frame() implements Read {
    }

    /** The stream ended; {@code trailingBytes} of an incomplete frame were read and are to be ignored. */
    public record Ended(int trailingBytes) implements Read {
    }

    /**
     * Fills {@code buffer}'s first {@code frameBytes} with the next frame, blocking until the
     * whole frame is there or the stream ends.
     *
     * @throws IOException when the pipe fails (the process was killed while the read waited)
     */
    public Read next(byte[] buffer) throws IOException {
        if (buffer.length < frameBytes) {
            throw new IllegalArgumentException("buffer of " + buffer.length + " bytes cannot hold a frame of " + frameBytes);
        }
        // A loop of our own rather than readNBytes, which some streams implement as one read.
        int n = 0;
        while (n < frameBytes) {
            int got = in.read(buffer, n, frameBytes - n);
            if (got < 0) {
                return new Ended(n);
            }
            n += got;
        }
        return new Frame();
    }
}
