package dev.packguard.ledger.tlog.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tile arithmetic of C2SP tlog-tiles: tiles have height 8 and hold at most 256 hashes; the
 * partial tile at level L of a tree of size s has {@code floor(s / 256^L) mod 256} hashes;
 * empty tiles do not exist.
 */
public final class Tiles {

    /** Tree levels spanned by one tile. */
    public static final int HEIGHT = 8;

    /** Hashes in a full tile, entries in a full bundle. */
    public static final int WIDTH = 1 << HEIGHT;

    /**
     * The largest tree this code handles, 2^62 leaves, so that every index stays inside a signed
     * 64-bit number; a log growing a billion entries a second needs 146 years to reach it.
     */
    public static final long MAX_TREE_SIZE = 1L << 62;

    /** The highest tile level that can be non-empty in a tree of at most 2^62 leaves. */
    public static final int MAX_LEVEL = 7;

    private Tiles() {
    }

    /** The largest tile index at {@code level} that lies inside a tree of {@link #MAX_TREE_SIZE}. */
    static long maxIndex(int level) {
        int leafBitsPerTile = HEIGHT * (level + 1);
        return leafBitsPerTile >= 62 ? 0 : (MAX_TREE_SIZE >>> leafBitsPerTile) - 1;
    }

    /** The tile at {@code level}, {@code index} as it is in a tree of {@code treeSize}, if any. */
    public static Optional<Tile> tileAt(int level, long index, long treeSize) {
        requireSize(treeSize);
        if (level < 0 || level > MAX_LEVEL || index < 0) {
            return Optional.empty();
        }
        long nodes = nodesAt(level, treeSize);
        long before = index * WIDTH;
        if (index > maxIndex(level) || before >= nodes) {
            return Optional.empty();
        }
        return Optional.of(new Tile(level, index, (int) Math.min(WIDTH, nodes - before)));
    }

    /**
     * Every tile of a tree of {@code treeSize} leaves, full and partial, level by level, left to
     * right. The same as {@code newTiles(0, treeSize)}.
     */
    public static List<Tile> forTreeSize(long treeSize) {
        return newTiles(0, treeSize);
    }

    /**
     * The tiles a log must publish when it grows from {@code oldSize} to {@code newSize}: those
     * that did not exist, or were narrower, at the old size. Level-0 entries are also the entry
     * bundles to publish.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize <= 2^62}
     */
    public static List<Tile> newTiles(long oldSize, long newSize) {
        requireSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("need 0 <= old <= new, got " + oldSize + ", " + newSize);
        }
        List<Tile> out = new ArrayList<>();
        for (int level = 0; level <= MAX_LEVEL; level++) {
            long newNodes = nodesAt(level, newSize);
            if (newNodes == 0) {
                break;
            }
            long oldNodes = nodesAt(level, oldSize);
            // The tile holding the old right edge may have grown; everything after it is new.
            for (long index = oldNodes / WIDTH; index * WIDTH < newNodes; index++) {
                int newWidth = (int) Math.min(WIDTH, newNodes - index * WIDTH);
                int oldWidth = (int) Math.max(0, Math.min(WIDTH, oldNodes - index * WIDTH));
                if (newWidth > oldWidth) {
                    out.add(new Tile(level, index, newWidth));
                }
            }
        }
        return out;
    }

    /** The number of complete subtrees of height {@code 8 * level} in a tree: {@code s / 256^L}. */
    static long nodesAt(int level, long treeSize) {
        int shift = HEIGHT * level;
        return shift >= 63 ? 0 : treeSize >>> shift;
    }

    private static void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size must be 0..2^62: " + treeSize);
        }
    }
}
