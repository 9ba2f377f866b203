package dev.packguard.ledger.tlog;

/**
 * Index arithmetic for storing every hash of a growing tree in one append-only sequence.
 *
 * <p>A hash is stored as soon as it can be computed: leaf n, then each subtree that leaf n
 * completes, lowest level first. So leaves 0, 1 give hashes 0, 1 and node (1,0) at 2; leaf 2
 * is at 3, leaf 3 at 4, then (1,1) at 5 and (2,0) at 6. A tree of n leaves has stored exactly
 * {@code 2n - popcount(n)} hashes, and appending never moves an earlier one, which is what an
 * append-only file or table wants. (The same sequence as Go's sumdb/tlog stored hash index.)
 */
public final class StoredHashes {

    private StoredHashes() {
    }

    /**
     * The position of the hash of the complete subtree at {@code level} and {@code index}
     * (leaves {@code [index * 2^level, (index + 1) * 2^level)}). It is stored right after its
     * last leaf, {@code m = (index + 1) * 2^level - 1}, whose own position is
     * {@code 2m - popcount(m)}, followed by one hash per completed level.
     */
    public static long index(int level, long index) {
        if (level < 0 || level > 62 || index < 0 || index > (Long.MAX_VALUE >>> (level + 1)) - 1) {
            throw new IllegalArgumentException("no stored hash for level " + level + ", index " + index);
        }
        long lastLeaf = ((index + 1) << level) - 1;
        return 2 * lastLeaf - Long.bitCount(lastLeaf) + level;
    }

    /** How many hashes a tree of {@code size} leaves has stored: {@code 2n - popcount(n)}. */
    public static long count(long size) {
        if (size < 0 || size > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        return 2 * size - Long.bitCount(size);
    }

    /**
     * The inverse of {@link #index}: the (level, index) of the hash at position {@code stored}.
     * The last leaf at or before the position is found by binary search on {@link #count}.
     */
    public static Node node(long stored) {
        if (stored < 0 || stored >= count(Long.MAX_VALUE / 4)) {
            throw new IllegalArgumentException("stored index out of range: " + stored);
        }
        // Largest m with index(0, m) <= stored; index(0, m) == count(m).
        long lo = 0;
        long hi = stored;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (count(mid) <= stored) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long leaf = lo;
        int level = (int) (stored - count(leaf));
        return new Node(level, ((leaf + 1) >>> level) - 1);
    }

    /**
     * A node of the tree: the complete subtree at {@code level} with {@code index}.
     *
     * @param level height above the leaves, 0 for a leaf
     * @param index position among the nodes of that level, from the left
     */
    public record Node(int level, long index) {
        /** Requires a level in [0, 62] and a non-negative index. */
        public Node {
            if (level < 0 || level > 62 || index < 0) {
                throw new IllegalArgumentException("no node at level " + level + ", index " + index);
            }
        }
    }
}
