package dev.packguard.ledger.tlog;

import java.util.Arrays;

/**
 * A whole Merkle tree kept in memory: every leaf hash and every complete subtree hash, in
 * {@link StoredHashes} order, packed into large byte blocks (32 bytes per hash, no object per
 * hash). It produces roots and proofs for any size up to its own, which is what a log node and
 * tests need. Not thread-safe.
 */
public final class MemoryTree implements HashSource {

    private static final int BLOCK_BITS = 15;
    private static final int BLOCK_HASHES = 1 << BLOCK_BITS;

    private byte[][] blocks = new byte[1][];
    private long stored;
    private long size;

    /** An empty tree. */
    public MemoryTree() {
    }

    /** The number of leaves appended. */
    public long size() {
        return size;
    }

    /** Hashes {@code entry} as a leaf (RFC 6962 §2.1) and appends it. */
    public void appendEntry(byte[] entry) {
        append(TreeHash.leafHash(entry));
    }

    /** Appends a leaf hash and stores the hash of each subtree it completes. */
    public void append(Hash leafHash) {
        put(leafHash);
        Hash right = leafHash;
        long n = size;
        for (int level = 1; (n & 1) == 1; level++) {
            // Leaf n is the last of a complete subtree at this level; its left half is stored.
            Hash left = read(StoredHashes.index(level - 1, (n >>> 1) << 1));
            right = TreeHash.nodeHash(left, right);
            put(right);
            n >>>= 1;
        }
        size++;
    }

    /** The root of the whole tree, MTH(D[0:size]), RFC 6962 §2.1. */
    public Hash root() {
        return Proofs.rootHash(size, this);
    }

    /** The root of the tree's first {@code treeSize} leaves. */
    public Hash root(long treeSize) {
        requireSize(treeSize);
        return Proofs.rootHash(treeSize, this);
    }

    /** The inclusion proof of leaf {@code index} in the tree of the first {@code treeSize} leaves. */
    public InclusionProof inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        return Proofs.inclusionProof(index, treeSize, this);
    }

    /** The consistency proof between the first {@code oldSize} and {@code newSize} leaves. */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        requireSize(newSize);
        return Proofs.consistencyProof(oldSize, newSize, this);
    }

    /** The stored hash of a complete subtree; it must be complete in this tree. */
    @Override
    public Hash subtree(int level, long index) {
        long position = StoredHashes.index(level, index);
        if (position >= stored) {
            throw new IllegalArgumentException("subtree (" + level + ", " + index
                    + ") is not complete in a tree of " + size);
        }
        return read(position);
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree has " + size + " leaves, asked for " + treeSize);
        }
    }

    private Hash read(long position) {
        byte[] block = blocks[(int) (position >>> BLOCK_BITS)];
        return Hash.of(block, (int) (position & (BLOCK_HASHES - 1)) * Hash.SIZE);
    }

    private void put(Hash hash) {
        int blockIndex = (int) (stored >>> BLOCK_BITS);
        if (blockIndex == blocks.length) {
            blocks = Arrays.copyOf(blocks, blocks.length * 2);
        }
        if (blocks[blockIndex] == null) {
            blocks[blockIndex] = new byte[BLOCK_HASHES * Hash.SIZE];
        }
        hash.copyTo(blocks[blockIndex], (int) (stored & (BLOCK_HASHES - 1)) * Hash.SIZE);
        stored++;
    }
}
