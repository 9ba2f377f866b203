package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.ParseError;
import java.util.Objects;

/**
 * The outcome of a computation over tiles read from an untrusted store: the value, or the
 * first tile that was missing or malformed.
 *
 * @param <T> the computed value's type
 */
public sealed interface TileRead<T> permits TileRead.Found, TileRead.Missing, TileRead.Malformed {

    /** Every tile needed was present and well-formed. */
    record Found<T>(T value) implements TileRead<T> {
        /** Requires a value. */
        public Found {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The reader did not have this tile. */
    record Missing<T>(Tile tile) implements TileRead<T> {
        /** Requires the tile. */
        public Missing {
            Objects.requireNonNull(tile, "tile");
        }
    }

    /** The reader's bytes for this tile were not a valid tile of its width. */
    record Malformed<T>(Tile tile, ParseError error) implements TileRead<T> {
        /** Requires both fields. */
        public Malformed {
            Objects.requireNonNull(tile, "tile");
            Objects.requireNonNull(error, "error");
        }
    }
}
