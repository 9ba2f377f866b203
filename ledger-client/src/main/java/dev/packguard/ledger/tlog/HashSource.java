package dev.packguard.ledger.tlog;

/**
 * Where proof production reads the hashes of complete subtrees: an in-memory tree
 * ({@link MemoryTree}), a database, or tiles.
 */
@FunctionalInterface
public interface HashSource {

    /**
     * The Merkle tree hash of the complete (perfect) subtree at {@code level} and
     * {@code index}, covering leaves {@code [index * 2^level, (index + 1) * 2^level)}.
     * Level 0 returns leaf hashes. Callers only ask for subtrees that are complete in the tree
     * they are proving about.
     */
    Hash subtree(int level, long index);
}
