package dev.packguard.scanner.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/** The codes of the round-trip tests, rendered with ZXing's writers (and ours for GS1 DataMatrix). */
final class Symbols {
    /** One EU pack: GTIN, expiry, lot, serial; GS after the lot. */
    static final String PACK = "0109506000134352172612311012345\u001d21SER1ABC";

    private Symbols() {
    }

    static BufferedImage gs1DataMatrix(String data, int moduleSize) {
        return Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode(data), moduleSize, 2);
    }

    /** GS1-128: ZXing's Code128Writer takes FNC1 as U+00F1 ('ñ'); a leading one makes it GS1-128. */
    static BufferedImage gs1Code128(String data, int height, int moduleSize) {
        String content = "\u00f1" + data.replace('\u001d', '\u00f1');
        return render(content, BarcodeFormat.CODE_128, moduleSize, height, Map.of(EncodeHintType.MARGIN, 10));
    }

    static BufferedImage gs1Qr(String data, int moduleSize) {
        return render(data, BarcodeFormat.QR_CODE, moduleSize, 0, Map.of(EncodeHintType.GS1_FORMAT, true,
                EncodeHintType.MARGIN, 2));
    }

    static BufferedImage qr(String text, int moduleSize) {
        return render(text, BarcodeFormat.QR_CODE, moduleSize, 0, Map.of(EncodeHintType.MARGIN, 2));
    }

    private static BufferedImage render(String content, BarcodeFormat format, int moduleSize, int height,
            Map<EncodeHintType, Object> hints) {
        try {
            Map<EncodeHintType, Object> h = new EnumMap<>(EncodeHintType.class);
            h.putAll(hints);
            // Render at one pixel per module first, then scale, so the module size is exact.
            var m = new MultiFormatWriter().encode(content, format, 0, height == 0 ? 0 : 1, h);
            BufferedImage one = MatrixToImageWriter.toBufferedImage(m);
            int w = one.getWidth() * moduleSize;
            int hh = height == 0 ? one.getHeight() * moduleSize : height;
            BufferedImage out = new BufferedImage(w, hh, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < hh; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = height == 0 ? y / moduleSize : 0;
                    out.getRaster().setSample(x, y, 0, (one.getRGB(x / moduleSize, sy) & 0xff) < 128 ? 0 : 255);
                }
            }
            return out;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
