package dev.packguard.scanner.image;

import com.google.zxing.common.PerspectiveTransform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Image damage for round-trip tests: what cameras and print do to a code. All deterministic. */
final class Perturbations {
    private Perturbations() {
    }

    static BufferedImage gray(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Rotated by {@code degrees} about the centre on a white canvas large enough to hold it. */
    static BufferedImage rotate(BufferedImage src, double degrees) {
        double r = Math.toRadians(degrees);
        int w = src.getWidth();
        int h = src.getHeight();
        int nw = (int) Math.ceil(Math.abs(w * Math.cos(r)) + Math.abs(h * Math.sin(r)));
        int nh = (int) Math.ceil(Math.abs(h * Math.cos(r)) + Math.abs(w * Math.sin(r)));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, nw, nh);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(nw / 2.0, nh / 2.0);
        t.rotate(r);
        t.translate(-w / 2.0, -h / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /** Scaled by {@code factor} with bilinear interpolation (e.g. to reach ~3 px per module). */
    static BufferedImage scale(BufferedImage src, double factor) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A box blur of the given radius (out-of-focus camera). */
    static BufferedImage blur(BufferedImage src, int radius) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = Math.min(h - 1, Math.max(0, y + dy));
                    for (int dx = -radius; dx <= radius; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        sum += in[yy * w + xx];
                        n++;
                    }
                }
                out[y * w + x] = sum / n;
            }
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        result.getRaster().setSamples(0, 0, w, h, 0, out);
        return result;
    }

    /** Gaussian noise of standard deviation {@code sigma} grey levels (sensor noise). */
    static BufferedImage noise(BufferedImage src, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int v = (int) Math.round(src.getRaster().getSample(x, y, 0) + random.nextGaussian() * sigma);
                out.getRaster().setSample(x, y, 0, Math.min(255, Math.max(0, v)));
            }
        }
        return out;
    }

    /** Grey levels squeezed into [low, high] (faded print, poor light). */
    static BufferedImage contrast(BufferedImage src, int low, int high) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int v = src.getRaster().getSample(x, y, 0);
                out.getRaster().setSample(x, y, 0, low + v * (high - low) / 255);
            }
        }
        return out;
    }

    /**
     * A perspective view: the image's corners move inwards by the given fractions of its size
     * (top-left, top-right, bottom-right, bottom-left), as when a pack is held at an angle.
     */
    static BufferedImage perspective(BufferedImage src, float tl, float tr, float br, float bl) {
        int w = src.getWidth();
        int h = src.getHeight();
        // Maps output pixels back to source pixels (inverse mapping, so there are no holes).
        PerspectiveTransform toSource = PerspectiveTransform.quadrilateralToQuadrilateral(
                tl * w, tl * h, w - tr * w, tr * h, w - br * w, h - br * h, bl * w, h - bl * h,
                0, 0, w, 0, w, h, 0, h);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        float[] p = new float[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[0] = x + 0.5f;
                p[1] = y + 0.5f;
                toSource.transformPoints(p);
                int sx = (int) Math.floor(p[0]);
                int sy = (int) Math.floor(p[1]);
                int v = sx >= 0 && sy >= 0 && sx < w && sy < h ? src.getRaster().getSample(sx, sy, 0) : 255;
                out.getRaster().setSample(x, y, 0, v);
            }
        }
        return out;
    }

    /** {@code src} placed at (x, y) on a white canvas of the given size. */
    static BufferedImage onCanvas(int width, int height, BufferedImage src, int x, int y) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(src, x, y, null);
        g.dispose();
        return out;
    }
}
