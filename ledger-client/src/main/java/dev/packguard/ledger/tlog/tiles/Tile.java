package dev.packguard.ledger.tlog.tiles;

/**
 * The coordinates of one C2SP tlog-tiles tile: its level, its index within the level and its
 * width in hashes. The n-th tile at level L holds the hashes of the complete subtrees of
 * 2^(8L) leaves numbered {@code n * 256 .. n * 256 + width - 1}, that is tree nodes at height
 * {@code 8L}; a width below 256 is a partial tile. Level-0 coordinates also name entry bundles.
 *
 * @param level the tile level, 0 for leaf hashes; at most {@link Tiles#MAX_LEVEL}
 * @param index the tile's position within its level
 * @param width the number of hashes (or entries), 1 to 256
 */
public record Tile(int level, long index, int width) {

    /** Validates the coordinates; a tile must fit a tree of at most {@link Tiles#MAX_TREE_SIZE} leaves. */
    public Tile {
        if (level < 0 || level > Tiles.MAX_LEVEL) {
            throw new IllegalArgumentException("tile level must be 0.." + Tiles.MAX_LEVEL + ": " + level);
        }
        if (width < 1 || width > Tiles.WIDTH) {
            throw new IllegalArgumentException("tile width must be 1..256: " + width);
        }
        if (index < 0 || index > Tiles.maxIndex(level)) {
            throw new IllegalArgumentException("tile index out of range at level " + level + ": " + index);
        }
    }

    /** True for a tile of fewer than 256 hashes, the right edge of a tree. */
    public boolean isPartial() {
        return width < Tiles.WIDTH;
    }

    /** The index, at tree height {@code 8 * level}, of this tile's first hash. */
    public long firstNode() {
        return index * Tiles.WIDTH;
    }

    /** The Merkle tile path {@code tile/<L>/<N>[.p/<W>]} of C2SP tlog-tiles. */
    public String path() {
        return "tile/" + level + "/" + TilePath.encodeIndex(index) + suffix();
    }

    /**
     * The entry bundle path {@code tile/entries/<N>[.p/<W>]} of C2SP tlog-tiles.
     *
     * @throws IllegalStateException unless this is a level-0 tile: bundles pair with leaf tiles
     */
    public String entriesPath() {
        if (level != 0) {
            throw new IllegalStateException("entry bundles pair with level-0 tiles, this is level " + level);
        }
        return "tile/entries/" + TilePath.encodeIndex(index) + suffix();
    }

    private String suffix() {
        return isPartial() ? ".p/" + width : "";
    }

    @Override
    public String toString() {
        return path();
    }
}
