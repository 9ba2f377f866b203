package dev.packguard.node.demo;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Printable pack labels: the GS1 DataMatrix (scanner's writer: FNC1 first, GS between fields)
 * beside the human-readable text a pack carries (GTIN, EXP, LOT, SN, and PZN for Germany), and a
 * contact sheet with every sample pack and the answer the station must give.
 */
final class PackImages {
    private static final int MODULE = 6;
    private static final int LABEL_W = 620;
    private static final int LABEL_H = 260;
    private static final DateTimeFormatter EXP = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private PackImages() {
    }

    /** One labelled image to print. */
    record Label(String file, String caption, Pack pack) {
    }

    /** Writes {@code <file>.png} for every label and {@code contact-sheet.png}, into {@code dir}. */
    static void write(Path dir, List<Label> labels) throws IOException {
        Files.createDirectories(dir);
        List<BufferedImage> images = new ArrayList<>(labels.size());
        for (Label l : labels) {
            BufferedImage image = label(l.pack(), l.pack().product().description());
            images.add(image);
            ImageIO.write(image, "png", dir.resolve(l.file() + ".png").toFile());
        }
        int columns = 3;
        int rows = (labels.size() + columns - 1) / columns;
        int cellH = LABEL_H + 40;
        BufferedImage sheet = new BufferedImage(columns * LABEL_W, 60 + rows * cellH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = graphics(sheet);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        g.drawString("PackGuard demo packs (scenarios.json says what each must give)", 20, 40);
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            int x = (i % columns) * LABEL_W;
            int y = 60 + (i / columns) * cellH;
            g.drawImage(images.get(i), x, y, null);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(l.file() + ": " + l.caption(), x + 12, y + LABEL_H + 26);
        }
        g.dispose();
        ImageIO.write(sheet, "png", dir.resolve("contact-sheet.png").toFile());
    }

    /**
     * An order's barcode label: its id in Code 128 (ISO/IEC 15417, plain, no FNC1: an order id is
     * not GS1 data) above the id in text, so the station can open the order with one scan.
     */
    static void writeOrderLabel(Path file, String orderId) throws IOException {
        BitMatrix bars = new Code128Writer().encode(orderId, BarcodeFormat.CODE_128, 0, 1);
        int module = 3;
        int quiet = 10 * module;
        int barHeight = 120;
        BufferedImage img = new BufferedImage(bars.getWidth() * module + 2 * quiet, barHeight + 70, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = graphics(img);
        g.setColor(Color.BLACK);
        for (int x = 0; x < bars.getWidth(); x++) {
            if (bars.get(x, 0)) {
                g.fillRect(quiet + x * module, 16, module, barHeight);
            }
        }
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 22));
        g.drawString("Order " + orderId, quiet, barHeight + 48);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static BufferedImage label(Pack pack, String title) {
        BufferedImage symbol = Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode(pack.elementString()), MODULE, 2);
        // Grey levels only: a third of the bytes of RGB for the PNG encoder, which dominates the world's small-size cost.
        BufferedImage img = new BufferedImage(LABEL_W, LABEL_H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = graphics(img);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(2));
        g.drawRect(4, 4, LABEL_W - 9, LABEL_H - 9);
        int top = (LABEL_H - symbol.getHeight()) / 2;
        g.drawImage(symbol, 12, Math.max(12, top), null);
        int x = 24 + symbol.getWidth();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        int y = 40;
        for (String part : wrap(title, 34)) {
            g.drawString(part, x, y);
            y += 22;
        }
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 17));
        y += 8;
        g.drawString("GTIN " + pack.product().gtin().digits(), x, y);
        y += 24;
        if (pack.product().pzn().isPresent()) {
            g.drawString("PZN  " + pack.product().pzn().get(), x, y);
            y += 24;
        }
        if (pack.product().ndc().isPresent()) {
            String ndc = pack.product().ndc().get();
            g.drawString("NDC  " + ndc.substring(0, 5) + "-" + ndc.substring(5, 9) + "-" + ndc.substring(9), x, y);
            y += 24;
        }
        g.drawString("EXP  " + pack.expiry().format(EXP), x, y);
        y += 24;
        g.drawString("LOT  " + pack.lot().value(), x, y);
        y += 24;
        g.drawString("SN   " + pack.serial(), x, y);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        // Text only: the symbol's modules must stay sharp black and white.
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
