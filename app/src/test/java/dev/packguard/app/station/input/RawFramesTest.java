package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawFramesTest {
    /** A pipe that hands over at most {@code chunk} bytes per read, as a busy pipe does. */
    private static InputStream dribbling(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    /** {@code frames} whole frames of {@code size} bytes, frame i filled with the byte i + 1, then {@code trailing} bytes of 0x7F. */
    private static byte[] stream(int frames, int size, int trailing) {
        byte[] bytes = new byte[frames * size + trailing];
        for (int i = 0; i < frames; i++) {
            Arrays.fill(bytes, i * size, (i + 1) * size, (byte) (i + 1));
        }
        Arrays.fill(bytes, frames * size, bytes.length, (byte) 0x7F);
        return bytes;
    }

    @ParameterizedTest(name = "{0} frames of {1} bytes + {2}, {3} bytes per read")
    @CsvSource(delimiter = '|', textBlock = """
            3 | 12 | 0  | 1000
            3 | 12 | 0  | 5
            2 | 12 | 7  | 5
            2 | 12 | 11 | 1
            0 | 12 | 5  | 3
            0 | 12 | 0  | 3
            """)
    void next_readsWholeFramesOnly_andNeverAShiftedOne(int frames, int size, int trailing, int chunk) throws Exception {
        RawFrames raw = new RawFrames(dribbling(stream(frames, size, trailing), chunk), size);
        byte[] buffer = new byte[size];
        for (int i = 0; i < frames; i++) {
            assertThat(raw.next(buffer)).isEqualTo(new RawFrames.Frame());
            byte[] expected = new byte[size];
            Arrays.fill(expected, (byte) (i + 1));
            assertThat(buffer).as("frame %d", i).isEqualTo(expected);
        }
        assertThat(raw.next(buffer)).isEqualTo(new RawFrames.Ended(trailing));
    }
}
