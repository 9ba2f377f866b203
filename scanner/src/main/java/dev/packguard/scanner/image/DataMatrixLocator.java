package dev.packguard.scanner.image;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds DataMatrix symbols anywhere in a large frame. ZXing's DataMatrix detector grows a white
 * rectangle from the centre of the image it is given, so it finds a symbol only when the symbol
 * covers that centre. This locator looks for textured regions instead (cells of the binarized
 * image with many dark/light transitions), groups touching cells into candidates, and hands
 * ZXing a crop around each candidate, whose centre then lies inside the symbol. Not
 * thread-safe (it holds a ZXing reader).
 */
final class DataMatrixLocator {
    private static final int CELL = 16;
    private static final int MIN_TRANSITIONS = 6;
    private static final int MIN_CONTRAST = 80;
    private static final int MAX_CANDIDATES = 12;

    private final DataMatrixReader reader = new DataMatrixReader();

    /** Symbols found in {@code bitmap} (binarized from {@code source}), at most {@code limit}, with points in the bitmap's coordinates. */
    List<Result> find(LuminanceSource source, BinaryBitmap bitmap, Map<DecodeHintType, ?> hints, int limit) {
        BitMatrix black;
        try {
            black = bitmap.getBlackMatrix();
        } catch (NotFoundException e) {
            return List.of();
        }
        int cols = black.getWidth() / CELL;
        int rows = black.getHeight() / CELL;
        if (cols == 0 || rows == 0) {
            return List.of();
        }
        byte[] luminance = source.getMatrix();
        boolean[][] busy = busyCells(black, luminance, black.getWidth(), cols, rows);
        List<int[]> boxes = components(busy, cols, rows);
        List<Result> found = new ArrayList<>();
        for (int[] box : boxes) {
            if (found.size() >= limit) {
                break;
            }
            // Margins of two cells first (the solid finder edges have few transitions, and the
            // quiet zone must be inside the crop); where ZXing still misses, a wider crop moves
            // the centre its detector starts from.
            for (int margin : new int[] {2, 3, 5}) {
                int x0 = Math.max(0, (box[0] - margin) * CELL);
                int y0 = Math.max(0, (box[1] - margin) * CELL);
                int x1 = Math.min(black.getWidth(), (box[2] + 1 + margin) * CELL);
                int y1 = Math.min(black.getHeight(), (box[3] + 1 + margin) * CELL);
                try {
                    Result r = reader.decode(bitmap.crop(x0, y0, x1 - x0, y1 - y0), hints);
                    if (found.stream().noneMatch(f -> f.getText().equals(r.getText()))) {
                        found.add(offset(r, x0, y0));
                    }
                    break;
                } catch (ReaderException e) {
                    // a textured region that is not a readable DataMatrix (text, a picture, a 1D code)
                }
            }
        }
        return found;
    }

    /**
     * Cells whose sampled rows cross between dark and light often and with strong contrast: a
     * printed symbol. The contrast test keeps sensor noise on a plain background, which the
     * adaptive binarizer turns into speckle, from making every cell look busy.
     */
    private static boolean[][] busyCells(BitMatrix black, byte[] luminance, int width, int cols, int rows) {
        int[][] transitions = new int[rows][cols];
        int[][] min = new int[rows][cols];
        int[][] max = new int[rows][cols];
        for (int[] row : min) {
            java.util.Arrays.fill(row, 255);
        }
        for (int y = 0; y < rows * CELL; y += 4) {
            boolean previous = black.get(0, y);
            int offset = y * width;
            for (int x = 1; x < cols * CELL; x++) {
                boolean b = black.get(x, y);
                int r = y / CELL;
                int c = x / CELL;
                if (b != previous) {
                    transitions[r][c]++;
                    previous = b;
                }
                int v = luminance[offset + x] & 0xff;
                if (v < min[r][c]) {
                    min[r][c] = v;
                }
                if (v > max[r][c]) {
                    max[r][c] = v;
                }
            }
        }
        boolean[][] busy = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                busy[r][c] = transitions[r][c] >= MIN_TRANSITIONS && max[r][c] - min[r][c] >= MIN_CONTRAST;
            }
        }
        return busy;
    }

    /** Bounding boxes {minCol, minRow, maxCol, maxRow} of 8-connected busy cells, largest first. */
    private static List<int[]> components(boolean[][] busy, int cols, int rows) {
        boolean[][] seen = new boolean[rows][cols];
        List<int[]> boxes = new ArrayList<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!busy[r][c] || seen[r][c]) {
                    continue;
                }
                int[] box = {c, r, c, r, 0};
                seen[r][c] = true;
                queue.add(new int[] {c, r});
                while (!queue.isEmpty()) {
                    int[] p = queue.poll();
                    box[0] = Math.min(box[0], p[0]);
                    box[1] = Math.min(box[1], p[1]);
                    box[2] = Math.max(box[2], p[0]);
                    box[3] = Math.max(box[3], p[1]);
                    box[4]++;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = p[0] + dx;
                            int ny = p[1] + dy;
                            if (nx >= 0 && ny >= 0 && nx < cols && ny < rows && busy[ny][nx] && !seen[ny][nx]) {
                                seen[ny][nx] = true;
                                queue.add(new int[] {nx, ny});
                            }
                        }
                    }
                }
                if (box[4] >= 2) {
                    boxes.add(box);
                }
            }
        }
        boxes.sort(Comparator.comparingInt((int[] b) -> -b[4]));
        return boxes.size() > MAX_CANDIDATES ? boxes.subList(0, MAX_CANDIDATES) : boxes;
    }

    static Result offset(Result r, int dx, int dy) {
        ResultPoint[] pts = r.getResultPoints() == null ? new ResultPoint[0] : r.getResultPoints().clone();
        for (int i = 0; i < pts.length; i++) {
            if (pts[i] != null) {
                pts[i] = new ResultPoint(pts[i].getX() + dx, pts[i].getY() + dy);
            }
        }
        Result copy = new Result(r.getText(), r.getRawBytes(), pts, r.getBarcodeFormat());
        copy.putAllMetadata(r.getResultMetadata());
        return copy;
    }
}
