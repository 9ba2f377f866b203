package dev.packguard.scanner.image;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import java.awt.image.BufferedImage;

/**
 * Renders GS1 DataMatrix symbols (ECC 200 with FNC1 in first position), for demo packs, test
 * fixtures and benchmarks. ZXing 3.5.3's own writer honours GS1 only in its compact mode, whose
 * encoder can end a symbol inside C40 without unlatching, so the pad codewords decode as
 * garbage; this writer uses plain ASCII encodation (ISO/IEC 16022 §5.2.3), which has no such
 * state, and ZXing's public error correction and module placement.
 */
public final class Gs1DataMatrixWriter {
    private static final int FNC1 = 232;
    private static final int PAD = 129;
    private static final int UPPER_SHIFT = 235;

    private Gs1DataMatrixWriter() {
    }

    /**
     * The symbol for a GS1 element string with GS (0x1D) after each variable-length field that is
     * not last (GS1 GenSpecs §7.8.5), encoded as FNC1 (GS1 GenSpecs §5.6.3), in the smallest
     * square symbol that holds it.
     *
     * @throws IllegalArgumentException when the data holds characters above 0xFF or does not fit
     *                                  the largest symbol
     */
    public static BitMatrix encode(String elementString) {
        StringBuilder cw = new StringBuilder();
        cw.append((char) FNC1);
        for (int i = 0; i < elementString.length(); i++) {
            char c = elementString.charAt(i);
            char next = i + 1 < elementString.length() ? elementString.charAt(i + 1) : 0;
            if (isDigit(c) && isDigit(next)) {
                cw.append((char) (130 + (c - '0') * 10 + (next - '0')));
                i++;
            } else if (c == '\u001d') {
                cw.append((char) FNC1);
            } else if (c < 128) {
                cw.append((char) (c + 1));
            } else if (c < 256) {
                cw.append((char) UPPER_SHIFT).append((char) (c - 128 + 1));
            } else {
                throw new IllegalArgumentException("DataMatrix ASCII encodation cannot hold U+" + Integer.toHexString(c));
            }
        }
        SymbolInfo info = SymbolInfo.lookup(cw.length(), SymbolShapeHint.FORCE_SQUARE);
        int capacity = info.getDataCapacity();
        if (cw.length() < capacity) {
            cw.append((char) PAD);
        }
        while (cw.length() < capacity) {
            // 253-state randomising of further pads, ISO/IEC 16022 §5.2.3 / Annex B.1
            int position = cw.length() + 1;
            int pseudo = ((149 * position) % 253) + 1;
            int value = PAD + pseudo;
            cw.append((char) (value <= 254 ? value : value - 254));
        }
        String withEcc = ErrorCorrection.encodeECC200(cw.toString(), info);
        DefaultPlacement placement = new DefaultPlacement(withEcc, info.getSymbolDataWidth(), info.getSymbolDataHeight());
        placement.place();
        return layout(placement, info);
    }

    /** Draws each data region with its finder (solid left and bottom) and timing (alternating top and right) edges. */
    private static BitMatrix layout(DefaultPlacement placement, SymbolInfo info) {
        int mw = info.matrixWidth;
        int mh = info.matrixHeight;
        int regionsX = info.getSymbolDataWidth() / mw;
        int regionsY = info.getSymbolDataHeight() / mh;
        BitMatrix m = new BitMatrix(info.getSymbolWidth(), info.getSymbolHeight());
        for (int ry = 0; ry < regionsY; ry++) {
            for (int rx = 0; rx < regionsX; rx++) {
                int x0 = rx * (mw + 2);
                int y0 = ry * (mh + 2);
                for (int x = 0; x < mw + 2; x++) {
                    if (x % 2 == 0) {
                        m.set(x0 + x, y0);
                    }
                    m.set(x0 + x, y0 + mh + 1);
                }
                for (int y = 0; y < mh + 2; y++) {
                    m.set(x0, y0 + y);
                    if (y % 2 == 1) {
                        m.set(x0 + mw + 1, y0 + y);
                    }
                }
                for (int j = 0; j < mh; j++) {
                    for (int i = 0; i < mw; i++) {
                        if (placement.getBit(rx * mw + i, ry * mh + j)) {
                            m.set(x0 + 1 + i, y0 + 1 + j);
                        }
                    }
                }
            }
        }
        return m;
    }

    /** The symbol as a black-on-white image, {@code moduleSize} pixels per module, with a quiet zone of {@code quiet} modules. */
    public static BufferedImage toImage(BitMatrix symbol, int moduleSize, int quiet) {
        int w = (symbol.getWidth() + 2 * quiet) * moduleSize;
        int h = (symbol.getHeight() + 2 * quiet) * moduleSize;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int mx = x / moduleSize - quiet;
                int my = y / moduleSize - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < symbol.getWidth() && my < symbol.getHeight() && symbol.get(mx, my);
                image.getRaster().setSample(x, y, 0, dark ? 0 : 255);
            }
        }
        return image;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
