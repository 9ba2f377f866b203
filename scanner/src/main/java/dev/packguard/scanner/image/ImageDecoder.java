package dev.packguard.scanner.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import dev.packguard.scanner.scan.ScanDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Finds and decodes every pack code in an image with ZXing (GS1 DataMatrix, DataMatrix, QR /
 * GS1 QR, Code 128 / GS1-128, GS1 DataBar and DataBar Expanded, EAN/UPC) and parses each
 * through {@link ScanDecoder#exact()}. The pipeline is ZXing's: luminance source → binarizer
 * (hybrid first, global histogram as a fallback for low contrast) → multi-code reader.
 *
 * <p>Not thread-safe: ZXing readers keep state between calls, so give each thread its own
 * instance.
 */
public final class ImageDecoder {
    /** The formats a pharmacy meets on packs. */
    public static final Set<BarcodeFormat> PACK_FORMATS = EnumSet.of(BarcodeFormat.DATA_MATRIX,
            BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128, BarcodeFormat.RSS_14, BarcodeFormat.RSS_EXPANDED,
            BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A);

    private final MultiFormatReader reader = new MultiFormatReader();
    private final GenericMultipleBarcodeReader multi = new GenericMultipleBarcodeReader(reader);
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    private final DataMatrixLocator locator = new DataMatrixLocator();
    private final Set<BarcodeFormat> formats;
    private final ScanDecoder scans;

    /** A decoder for {@code formats}, parsing with {@code scans}. */
    public ImageDecoder(Set<BarcodeFormat> formats, ScanDecoder scans) {
        this.scans = Objects.requireNonNull(scans, "scans");
        this.formats = EnumSet.copyOf(formats);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, EnumSet.copyOf(formats));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        // Without it Code 128 drops FNC1; with it GS1-128 text starts with ]C1 and FNC1 becomes GS.
        hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        reader.setHints(hints);
    }

    /** A decoder for every {@link #PACK_FORMATS pack format}. */
    public ImageDecoder() {
        this(PACK_FORMATS, ScanDecoder.exact());
    }

    /** The outcome of reading an image file. */
    public sealed interface FileResult permits Codes, Unreadable {
    }

    /** The codes found (possibly none), ordered top-to-bottom, left-to-right. */
    public record Codes(List<DecodedCode> codes) implements FileResult {
        public Codes {
            codes = List.copyOf(codes);
        }
    }

    /** The file is not an image this JVM can read. */
    public record Unreadable(String message) implements FileResult {
    }

    /** Reads {@code file} (PNG, JPEG, BMP, GIF) and decodes every code in it. */
    public FileResult decode(Path file) {
        BufferedImage image;
        try {
            if (!Files.isRegularFile(file)) {
                return new Unreadable("no such file: " + file);
            }
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
        if (image == null) {
            return new Unreadable(file + " is not an image format this station reads (PNG, JPEG, BMP, GIF)");
        }
        return new Codes(decode(image));
    }

    /** Every code found in {@code image}; an empty list when there is none. */
    public List<DecodedCode> decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
        List<Result> results = new ArrayList<>(read(bitmap));
        if (formats.contains(BarcodeFormat.DATA_MATRIX)) {
            // the bitmap caches its binarized matrix, so the locator does not binarize again
            for (Result r : locator.find(source, bitmap, hints, 16)) {
                if (results.stream().noneMatch(k -> k.getText().equals(r.getText()))) {
                    results.add(r);
                }
            }
        }
        if (results.isEmpty()) {
            results = read(new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        }
        if (results.isEmpty() && source.isRotateSupported()) {
            // ZXing's DataMatrix detector loses symbols turned near 45 degrees; a second look at
            // the image turned by 45 degrees finds them. Points then refer to the turned image,
            // so they are mapped back.
            results = rotatedBack(read(new BinaryBitmap(new HybridBinarizer(source.rotateCounterClockwise45()))),
                    image.getWidth(), image.getHeight());
        }
        Map<String, DecodedCode> unique = new LinkedHashMap<>();
        for (Result r : results) {
            String scan = asScan(r);
            unique.putIfAbsent(r.getBarcodeFormat() + "\u0000" + scan,
                    new DecodedCode(r.getBarcodeFormat().name(), scan, points(r), scans.decode(scan)));
        }
        List<DecodedCode> codes = new ArrayList<>(unique.values());
        codes.sort(Comparator.comparingDouble((DecodedCode c) -> Math.round(c.centre().y() / 50.0))
                .thenComparingDouble(c -> c.centre().x()));
        return codes;
    }

    /**
     * The first code found in {@code image}, trying only the formats given at construction, with
     * a single pass: the fast path for camera frames.
     */
    public Optional<DecodedCode> decodeFirst(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
        Result r;
        try {
            r = reader.decodeWithState(bitmap);
        } catch (NotFoundException e) {
            List<Result> tiles = formats.contains(BarcodeFormat.DATA_MATRIX)
                    ? locator.find(source, bitmap, hints, 1) : List.of();
            if (tiles.isEmpty()) {
                return Optional.empty();
            }
            r = tiles.get(0);
        } finally {
            reader.reset();
        }
        String scan = asScan(r);
        return Optional.of(new DecodedCode(r.getBarcodeFormat().name(), scan, points(r), scans.decode(scan)));
    }

    private static List<DecodedCode.Point> points(Result r) {
        List<DecodedCode.Point> corners = new ArrayList<>();
        for (ResultPoint p : r.getResultPoints() == null ? new ResultPoint[0] : r.getResultPoints()) {
            if (p != null) {
                corners.add(new DecodedCode.Point(p.getX(), p.getY()));
            }
        }
        return corners;
    }

    /**
     * Results found in the image turned 45 degrees counter-clockwise, with their points mapped back
     * to the original. ZXing's rotateCounterClockwise45 draws the original into a square of side
     * {@code ceil(hypot(w, h))} around the same centre.
     */
    private static List<Result> rotatedBack(List<Result> results, int width, int height) {
        if (results.isEmpty()) {
            return results;
        }
        double side = Math.ceil(Math.hypot(width, height));
        double c = Math.sqrt(0.5);
        List<Result> mapped = new ArrayList<>();
        for (Result r : results) {
            ResultPoint[] pts = r.getResultPoints() == null ? new ResultPoint[0] : r.getResultPoints().clone();
            for (int i = 0; i < pts.length; i++) {
                if (pts[i] != null) {
                    double dx = pts[i].getX() - side / 2;
                    double dy = pts[i].getY() - side / 2;
                    // undo a 45-degree counter-clockwise turn: rotate clockwise (image y points down)
                    double x = c * dx + c * dy;
                    double y = -c * dx + c * dy;
                    pts[i] = new ResultPoint((float) (x + width / 2.0), (float) (y + height / 2.0));
                }
            }
            Result copy = new Result(r.getText(), r.getRawBytes(), pts, r.getBarcodeFormat());
            copy.putAllMetadata(r.getResultMetadata());
            mapped.add(copy);
        }
        return mapped;
    }

    private List<Result> read(BinaryBitmap bitmap) {
        try {
            return List.of(multi.decodeMultiple(bitmap, hints));
        } catch (NotFoundException e) {
            return List.of();
        } catch (IllegalArgumentException e) {
            // ZXing's multiple-barcode search crops around partial finds; on some tiny or noisy
            // images a crop has no width or height and BitMatrix refuses it. Nothing decodable.
            return List.of();
        } finally {
            reader.reset();
        }
    }

    /** The text as a scanner in AIM mode would send it (ISO/IEC 15424 identifier first). */
    static String asScan(Result r) {
        String text = r.getText();
        Object aim = r.getResultMetadata() == null ? null : r.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        String id = aim instanceof String s ? s : "";
        if (text.startsWith("]") && text.length() >= 3 && text.substring(0, 3).equals(id)) {
            return text; // Code 128 with ASSUME_GS1 already puts ]C1 in front
        }
        if (r.getBarcodeFormat() == BarcodeFormat.RSS_14) {
            return "]e0" + "01" + text; // DataBar Omnidirectional carries only a GTIN-14
        }
        return id + text;
    }
}
