package dev.packguard.bench.scanner;

import com.google.zxing.BarcodeFormat;
import dev.packguard.scanner.image.DecodedCode;
import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import dev.packguard.scanner.image.ImageDecoder;
import dev.packguard.scanner.scan.ScanDecoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One GS1 DataMatrix found and decoded in a camera frame (targets: median at most 30 ms at
 * 1280×720, 10 ms at 640×480). The symbol sits off-centre on a lightly noisy background, as a
 * pack held under a camera would; each benchmark thread has its own decoder.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DataMatrixFrameBenchmark {

    @Param({"1280x720", "640x480"})
    public String frame;

    private BufferedImage image;
    private ImageDecoder dataMatrixOnly;
    private ImageDecoder allFormats;

    @Setup
    public void setUp() {
        String[] size = frame.split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        BufferedImage symbol = Gs1DataMatrixWriter.toImage(
                Gs1DataMatrixWriter.encode("0104150037528643172612311012345A\u001d21XK4T9PQ2M7ZR\u001d71003752864"), 4, 2);
        image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, w, h);
        g.drawImage(symbol, w * 3 / 5, h / 4, null);
        g.dispose();
        Random random = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = image.getRaster().getSample(x, y, 0) + (int) Math.round(random.nextGaussian() * 6);
                image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        dataMatrixOnly = new ImageDecoder(EnumSet.of(BarcodeFormat.DATA_MATRIX), ScanDecoder.exact());
        allFormats = new ImageDecoder();
        if (decodeFirst().isEmpty() || findAll().size() != 1) {
            throw new IllegalStateException("the benchmark frame does not decode");
        }
    }

    /** The camera path: DataMatrix only, first symbol. */
    @Benchmark
    public Optional<DecodedCode> decodeFirst() {
        return dataMatrixOnly.decodeFirst(image);
    }

    /** The image-file path: every format, every code. */
    @Benchmark
    public List<DecodedCode> findAll() {
        return allFormats.decode(image);
    }
}
