package dev.packguard.scanner.serial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the byte stream of a serial scanner into scans. A scan ends at CR, LF or CRLF (the
 * suffix scanners send by default); empty frames are dropped. Bytes map one-to-one to characters
 * (ISO-8859-1), so GS, RS and EOT arrive as themselves. A frame longer than
 * {@code maxLength} is cut off and reported as overlong rather than growing without bound.
 * Not thread-safe: one framer per port.
 */
public final class ScanFramer {
    private final int maxLength;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean overlong;
    private boolean lastWasCr;

    public ScanFramer(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = maxLength;
    }

    /** A complete frame: its text, and whether it was cut at the maximum length. */
    public record Frame(String text, boolean overlong) {
    }

    /** Feeds {@code n} bytes; returns the frames they completed, in order. */
    public List<Frame> feed(byte[] bytes, int n) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue; // the LF of a CRLF
            }
            lastWasCr = b == '\r';
            if (b == '\r' || b == '\n') {
                if (current.size() > 0 || overlong) {
                    frames.add(new Frame(current.toString(StandardCharsets.ISO_8859_1), overlong));
                }
                current.reset();
                overlong = false;
            } else if (current.size() < maxLength) {
                current.write(b);
            } else {
                overlong = true;
            }
        }
        return frames;
    }
}
