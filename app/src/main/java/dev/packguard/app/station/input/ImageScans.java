package dev.packguard.app.station.input;

import dev.packguard.scanner.image.DecodedCode;
import dev.packguard.scanner.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image file (a photo or scan of a pack, dropped on the station or opened) → the codes in it,
 * each as the text a scanner would have sent ({@link DecodedCode#scan()}: AIM symbology
 * identifier, then the data with FNC1 as GS), for the screen on show to take as scans. The file
 * is untrusted: its size and its pixel count, read from the header, are checked before a single
 * pixel is decoded, so a huge or hostile image cannot exhaust the station's memory.
 *
 * <p>Blocking (file I/O, decoding): call it off the FX thread. Not thread-safe: one instance per
 * worker thread (ZXing readers keep state).
 */
public final class ImageScans {
    /** Larger files are refused: a phone photo is a few MB; 40 MB is no pack label. */
    public static final long MAX_FILE_BYTES = 40L * 1024 * 1024;
    /** More pixels are refused: 40 megapixels, about 160 MB decoded. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** The file name extensions the open dialog offers (lower case); a drop takes any file and says what it is not. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private final ImageDecoder decoder;

    /** Reads with {@code decoder} (every pack format, exact parsing, by default). */
    public ImageScans(ImageDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** The outcome of reading one file. */
    public sealed interface Result permits Found, NoCode, TooLarge, Unreadable {
        /** The file read. */
        Path file();
    }

    /** Codes found, top-to-bottom then left-to-right, each as a scanner would have sent it. */
    public record Found(Path file, List<String> scans) implements Result {
        /** Requires at least one scan. */
        public Found {
            Objects.requireNonNull(file, "file");
            scans = List.copyOf(scans);
            if (scans.isEmpty()) {
                throw new IllegalArgumentException("found means at least one code");
            }
        }
    }

    /** The image was read but holds no code the station can decode. */
    public record NoCode(Path file) implements Result {
        /** Requires the file. */
        public NoCode {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The file or its picture is larger than the limits; {@code what} says which and by how much. */
    public record TooLarge(Path file, String what) implements Result {
        /** Requires every field. */
        public TooLarge {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(what, "what");
        }
    }

    /** The file cannot be read as an image: missing, unreadable, not an image, damaged. */
    public record Unreadable(Path file, String why) implements Result {
        /** Requires every field. */
        public Unreadable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Reads {@code file} and decodes every code in it. Never throws for any file. */
    public Result read(Path file) {
        long bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return new Unreadable(file, "there is no such file");
            }
            bytes = Files.size(file);
        } catch (IOException | SecurityException e) {
            return new Unreadable(file, "it cannot be opened (" + e.getMessage() + ")");
        }
        if (bytes > MAX_FILE_BYTES) {
            return new TooLarge(file, "the file has " + bytes / (1024 * 1024) + " MB, more than the "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB a pack photo needs");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new Unreadable(file, "it is not a PNG, JPEG, BMP or GIF image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    return new TooLarge(file, "the picture has " + reader.getWidth(0) + " × " + reader.getHeight(0)
                            + " pixels, more than " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged files with assorted runtime exceptions as well as IOException.
            return new Unreadable(file, "the image is damaged or incomplete");
        }
        List<String> scans = decoder.decode(image).stream().map(DecodedCode::scan).toList();
        return scans.isEmpty() ? new NoCode(file) : new Found(file, scans);
    }

    /** What to tell the operator about {@code result}, naming the file; empty for one code, which speaks for itself. */
    public static String message(Result result) {
        String name = result.file().getFileName() == null ? result.file().toString() : result.file().getFileName().toString();
        if (result instanceof Found f) {
            return f.scans().size() == 1 ? "" : name + ": " + f.scans().size() + " codes found, each scanned in turn.";
        } else if (result instanceof NoCode) {
            return name + ": no pack code found in this image. Nothing was scanned. Use a sharper, closer picture "
                    + "of the code, or scan the pack.";
        } else if (result instanceof TooLarge t) {
            return name + " is too large: " + t.what() + ". Nothing was scanned.";
        }
        return name + " cannot be read: " + ((Unreadable) result).why() + ". Nothing was scanned.";
    }
}
