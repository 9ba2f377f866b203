package dev.packguard.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFramerTest {
    private static List<ScanFramer.Frame> feedInPieces(ScanFramer framer, String stream, int piece) {
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        List<ScanFramer.Frame> frames = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += piece) {
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + piece));
            frames.addAll(framer.feed(chunk, chunk.length));
        }
        return frames;
    }

    @Test
    void feed_splitsAtCrLfOrCrlfWhateverTheChunking() {
        String stream = "]d2010950600013435221A\r\n]C10109506000134352\u001d21B\r]Q1https://x/01/09506000134352\n\n";
        for (int piece : new int[] {1, 2, 3, 7, 1000}) {
            List<ScanFramer.Frame> frames = feedInPieces(new ScanFramer(4096), stream, piece);
            assertThat(frames).extracting(ScanFramer.Frame::text).containsExactly(
                    "]d2010950600013435221A", "]C10109506000134352\u001d21B", "]Q1https://x/01/09506000134352");
        }
    }

    @Test
    void feed_cutsOverlongFramesAndSaysSo() {
        List<ScanFramer.Frame> frames = feedInPieces(new ScanFramer(5), "1234567890\rOK\r", 3);
        assertThat(frames).containsExactly(new ScanFramer.Frame("12345", true), new ScanFramer.Frame("OK", false));
    }

    @Test
    void feed_keepsControlCharactersAsThemselves() {
        List<ScanFramer.Frame> frames = feedInPieces(new ScanFramer(100), "[)>\u001e06\u001d9N1\u001e\u0004\r", 4);
        assertThat(frames.get(0).text()).isEqualTo("[)>\u001e06\u001d9N1\u001e\u0004");
    }
}
