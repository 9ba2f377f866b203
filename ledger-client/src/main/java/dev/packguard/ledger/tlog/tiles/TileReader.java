package dev.packguard.ledger.tlog.tiles;

import java.util.Optional;

/**
 * Where {@link TileTree} gets tile bytes: a local cache, a database, or files downloaded
 * earlier. The bytes are treated as untrusted and parsed against the requested tile's width.
 */
@FunctionalInterface
public interface TileReader {

    /**
     * The bytes of the Merkle tile {@code tile} (exactly the width asked for; a reader holding a
     * wider tile of the same level and index may return its first {@code tile.width()} hashes),
     * or empty if it has none.
     */
    Optional<byte[]> read(Tile tile);
}
