package dev.packguard.app.station;

import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The checkpoint a decision was made against (tlog-checkpoint: origin, tree size, root hash),
 * enough for anyone holding the log to re-check the decision later.
 *
 * @param origin the log's origin line
 * @param size the tree size
 * @param rootHex the Merkle tree hash at {@code size} (RFC 6962 §2.1), 64 lowercase hex digits
 */
public record CheckpointRef(String origin, long size, String rootHex) {

    public CheckpointRef {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHex, "rootHex");
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("origin is empty");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        if (!rootHex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("root must be 64 lowercase hex digits, was " + rootHex);
        }
    }

    /** The reference of a verified checkpoint. */
    public static CheckpointRef of(VerifiedCheckpoint checkpoint) {
        return new CheckpointRef(checkpoint.origin(), checkpoint.size(),
                HexFormat.of().formatHex(checkpoint.root().bytes()));
    }
}
