package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.Parsed;

/**
 * A parsed C2SP tlog-tiles resource path: a Merkle tile {@code tile/<L>/<N>[.p/<W>]} or an
 * entry bundle {@code tile/entries/<N>[.p/<W>]}. Only the canonical spelling is accepted, so
 * each resource has exactly one path: L in 0..63 without leading zeros (and, here, at most
 * {@link Tiles#MAX_LEVEL}), N in zero-padded 3-digit groups with every group but the last
 * prefixed by {@code x} and no all-zero leading group, W in 1..255 without leading zeros.
 */
public sealed interface TilePath permits TilePath.HashTile, TilePath.EntryBundle {

    /** The coordinates named by the path. */
    Tile tile();

    /** The path text. */
    String path();

    /** A Merkle tree tile. */
    record HashTile(Tile tile) implements TilePath {
        @Override
        public String path() {
            return tile.path();
        }
    }

    /** An entry bundle; its tile is at level 0. */
    record EntryBundle(Tile tile) implements TilePath {
        /** Requires a level-0 tile. */
        public EntryBundle {
            if (tile.level() != 0) {
                throw new IllegalArgumentException("entry bundles are level 0: " + tile);
            }
        }

        @Override
        public String path() {
            return tile.entriesPath();
        }
    }

    /**
     * Encodes a tile index as C2SP tlog-tiles {@code <N>}: 3-digit groups, all but the last
     * prefixed with {@code x}; 1234067 becomes {@code x001/x234/067}.
     */
    static String encodeIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative tile index " + index);
        }
        String last = String.format("%03d", index % 1000);
        StringBuilder prefix = new StringBuilder();
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            prefix.insert(0, String.format("x%03d/", rest % 1000));
        }
        return prefix + last;
    }

    /**
     * Parses a path relative to the log prefix (no leading slash). Positions in errors are
     * character offsets into {@code path}.
     */
    static Parsed<TilePath> parse(String path) {
        return new PathParser(path).parse();
    }
}
