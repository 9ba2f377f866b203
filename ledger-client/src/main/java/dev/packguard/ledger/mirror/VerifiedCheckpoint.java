package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.Hash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The newest checkpoint the station has verified, and what it needs to extend it: the note as
 * received (signatures and cosignatures included, so it can be shown to a third party), the
 * tree's right edge, and the time evidence for "how old is what we know".
 *
 * @param origin the log's origin line
 * @param size the verified tree size; every entry below it is stored and hashed into {@code root}
 * @param root the Merkle tree hash at {@code size} (RFC 6962 §2.1)
 * @param note the signed checkpoint note, byte for byte as verified
 * @param edge the compact range [0, size), whose root is {@code root}
 * @param newestCosignature the newest witness cosignature timestamp on the note, if any
 * @param verifiedAt when this station verified the note (its own clock)
 */
public record VerifiedCheckpoint(String origin, long size, Hash root, byte[] note, CompactRange edge,
        Optional<Instant> newestCosignature, Instant verifiedAt) {

    /** Checks the invariants: the edge covers exactly [0, size) and hashes to root. */
    public VerifiedCheckpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(newestCosignature, "newestCosignature");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        note = Objects.requireNonNull(note, "note").clone();
        if (edge.begin() != 0 || edge.end() != size) {
            throw new IllegalArgumentException("edge covers [" + edge.begin() + ", " + edge.end()
                    + ") but the checkpoint size is " + size);
        }
        if (!edge.root().equals(root)) {
            throw new IllegalArgumentException("edge root " + edge.root() + " differs from checkpoint root " + root);
        }
    }

    /** The note bytes (a copy). */
    @Override
    public byte[] note() {
        return note.clone();
    }

    /**
     * The time the knowledge is "as of": the newest witness timestamp when there is one
     * (witnesses vouch for the log's state at that time), else when the station verified it.
     */
    public Instant asOf() {
        return newestCosignature.orElse(verifiedAt);
    }
}
