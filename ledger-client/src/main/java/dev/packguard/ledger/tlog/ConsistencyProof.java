package dev.packguard.ledger.tlog;

import java.util.List;

/**
 * An RFC 6962 §2.1.2 consistency proof: the hashes showing that the tree of {@code oldSize}
 * leaves is a prefix of the tree of {@code newSize} leaves.
 *
 * @param oldSize the earlier tree size
 * @param newSize the later tree size
 * @param path the proof hashes in RFC 6962 order
 */
public record ConsistencyProof(long oldSize, long newSize, List<Hash> path) {

    /** Copies the path; requires non-negative sizes. Ordering is checked in {@link #verify}. */
    public ConsistencyProof {
        if (oldSize < 0 || newSize < 0) {
            throw new IllegalArgumentException("sizes must be >= 0: " + oldSize + ", " + newSize);
        }
        path = List.copyOf(path);
    }

    /** Checks that the tree with root {@code oldRoot} is a prefix of the one with {@code newRoot}. */
    public ProofCheck verify(Hash oldRoot, Hash newRoot) {
        return Proofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, path);
    }
}
