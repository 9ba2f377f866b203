package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.ConsistencyProof;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.HashSource;
import dev.packguard.ledger.tlog.InclusionProof;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.Proofs;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tree hashes and proofs computed from C2SP tlog-tiles tiles, reading only the tiles needed.
 * A subtree of height h and index k is found in the tile at level {@code h / 8}: its bottom
 * row is {@code 2^(h mod 8)} consecutive hashes there, hashed up per RFC 6962 §2.1. Tile
 * widths are those of the given tree size, so the partial tiles of that size are read.
 */
public final class TileTree {

    private TileTree() {
    }

    /** MTH(D[0:treeSize]) of RFC 6962 §2.1 from tiles: what a checkpoint's root hash must equal. */
    public static TileRead<Hash> rootHash(long treeSize, TileReader reader) {
        return compute(treeSize, reader, source -> Proofs.rootHash(treeSize, source));
    }

    /** The RFC 6962 §2.1.1 inclusion proof of leaf {@code index} in the tree of {@code treeSize}. */
    public static TileRead<InclusionProof> inclusionProof(long index, long treeSize, TileReader reader) {
        return compute(treeSize, reader, source -> Proofs.inclusionProof(index, treeSize, source));
    }

    /** The RFC 6962 §2.1.2 consistency proof from {@code oldSize} to {@code newSize}. */
    public static TileRead<ConsistencyProof> consistencyProof(long oldSize, long newSize, TileReader reader) {
        return compute(newSize, reader, source -> Proofs.consistencyProof(oldSize, newSize, source));
    }

    private static <T> TileRead<T> compute(long treeSize, TileReader reader, Function<HashSource, T> f) {
        if (treeSize < 0 || treeSize > Tiles.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size must be 0..2^62: " + treeSize);
        }
        TileHashSource source = new TileHashSource(treeSize, reader);
        try {
            return new TileRead.Found<>(f.apply(source));
        } catch (Unavailable e) {
            return e.failure();
        }
    }

    // Proof code asks a HashSource for subtrees one at a time; a missing tile aborts the whole
    // computation, carried out as this exception and turned back into a TileRead above.
    private static final class Unavailable extends RuntimeException {
        private final transient TileRead<?> failure;

        Unavailable(TileRead<?> failure) {
            super(null, null, false, false);
            this.failure = failure;
        }

        @SuppressWarnings("unchecked")
        <T> TileRead<T> failure() {
            return (TileRead<T>) failure;
        }
    }

    private static final class TileHashSource implements HashSource {
        private final long treeSize;
        private final TileReader reader;
        private final Map<Tile, TileData> cache = new HashMap<>();

        TileHashSource(long treeSize, TileReader reader) {
            this.treeSize = treeSize;
            this.reader = reader;
        }

        @Override
        public Hash subtree(int level, long index) {
            int tileLevel = level / Tiles.HEIGHT;
            int height = level % Tiles.HEIGHT;
            long firstNode = index << height;
            long tileIndex = firstNode / Tiles.WIDTH;
            Tile tile = Tiles.tileAt(tileLevel, tileIndex, treeSize).orElseThrow(
                    () -> new IllegalArgumentException("subtree (" + level + ", " + index
                            + ") is not in a tree of " + treeSize));
            return load(tile).subtreeHash((int) (firstNode % Tiles.WIDTH), height);
        }

        private TileData load(Tile tile) {
            TileData cached = cache.get(tile);
            if (cached != null) {
                return cached;
            }
            Optional<byte[]> bytes = reader.read(tile);
            if (bytes.isEmpty()) {
                throw new Unavailable(new TileRead.Missing<>(tile));
            }
            Parsed<TileData> parsed = TileData.parse(tile, bytes.get());
            if (parsed instanceof Parsed.Failed<TileData> failed) {
                ParseError error = failed.error();
                throw new Unavailable(new TileRead.Malformed<>(tile, error));
            }
            TileData data = ((Parsed.Ok<TileData>) parsed).value();
            cache.put(tile, data);
            return data;
        }
    }
}
