package dev.packguard.ledger.tlog;

import java.util.List;

/**
 * An RFC 6962 §2.1.1 audit path: the hashes needed to recompute the root of a tree of
 * {@code treeSize} leaves from the leaf at {@code index}, ordered from the leaf's sibling up
 * to the root's child.
 *
 * @param index zero-based leaf index
 * @param treeSize the number of leaves in the tree the proof is for
 * @param path the audit path, leaf to root
 */
public record InclusionProof(long index, long treeSize, List<Hash> path) {

    /** Copies the path; requires non-negative numbers. Range checks happen in {@link #verify}. */
    public InclusionProof {
        if (index < 0 || treeSize < 0) {
            throw new IllegalArgumentException("index and size must be >= 0: " + index + ", " + treeSize);
        }
        path = List.copyOf(path);
    }

    /** Checks that {@code leafHash} is at {@link #index()} in the tree whose root is {@code root}. */
    public ProofCheck verify(Hash leafHash, Hash root) {
        return Proofs.verifyInclusion(leafHash, index, treeSize, path, root);
    }
}
