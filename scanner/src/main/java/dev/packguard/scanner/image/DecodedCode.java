package dev.packguard.scanner.image;

import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.Symbology;
import java.util.List;
import java.util.Objects;

/**
 * One bar code found in an image.
 *
 * @param format  the ZXing format name (DATA_MATRIX, QR_CODE, CODE_128, RSS_14, …)
 * @param scan    the text as a scanner would have sent it: AIM identifier, then the data with
 *                FNC1 as GS
 * @param corners the points ZXing located the symbol by (finder pattern or corners), in pixels
 * @param result  the scan parsed into an identifier, or why it is not one
 */
public record DecodedCode(String format, String scan, List<Point> corners, ParseResult result) {
    public DecodedCode {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(result, "result");
        corners = List.copyOf(corners);
    }

    /** A pixel position in the image. */
    public record Point(float x, float y) {
    }

    /** The symbology announced in {@link #scan()}. */
    public Symbology symbology() {
        return scan.length() >= 3 ? Symbology.fromAim(scan.substring(0, 3)).orElse(Symbology.NONE) : Symbology.NONE;
    }

    /** The centre of the located points, for ordering codes left to right. */
    public Point centre() {
        float x = 0;
        float y = 0;
        for (Point p : corners) {
            x += p.x();
            y += p.y();
        }
        return corners.isEmpty() ? new Point(0, 0) : new Point(x / corners.size(), y / corners.size());
    }
}
