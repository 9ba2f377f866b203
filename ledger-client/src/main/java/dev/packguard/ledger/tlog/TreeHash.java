package dev.packguard.ledger.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Merkle tree hashing of RFC 6962 §2.1 (the same in RFC 9162 §2.1.1), as used by C2SP
 * tlog-tiles: leaves and interior nodes are domain-separated so that a node can never be
 * passed off as a leaf.
 */
public final class TreeHash {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // MessageDigest is not thread-safe and getInstance is costly on the mirror's hot path.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TreeHash::newDigest);

    private static final Hash EMPTY = Hash.wrap(SHA256.get().digest());

    private TreeHash() {
    }

    /** MTH({}) = SHA-256() of the empty string, RFC 6962 §2.1: the root of the empty tree. */
    public static Hash emptyRoot() {
        return EMPTY;
    }

    /** The leaf hash of an entry: SHA-256(0x00 || entry), RFC 6962 §2.1. */
    public static Hash leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    /** The leaf hash of {@code entry[offset, offset + length)}: SHA-256(0x00 || entry), RFC 6962 §2.1. */
    public static Hash leafHash(byte[] entry, int offset, int length) {
        MessageDigest sha = SHA256.get();
        sha.update(LEAF_PREFIX);
        sha.update(entry, offset, length);
        return Hash.wrap(sha.digest());
    }

    /** An interior node's hash: SHA-256(0x01 || left || right), RFC 6962 §2.1. */
    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest sha = SHA256.get();
        sha.update(NODE_PREFIX);
        sha.update(left.raw());
        sha.update(right.raw());
        return Hash.wrap(sha.digest());
    }

    /**
     * MTH(D[n]) of RFC 6962 §2.1 over already-hashed leaves, for any n including non-powers of
     * two and zero: the left subtree always holds the largest power of two smaller than n.
     */
    public static Hash root(List<Hash> leafHashes) {
        if (leafHashes.isEmpty()) {
            return EMPTY;
        }
        return rangeRoot(leafHashes, 0, leafHashes.size());
    }

    /** MTH(D[n]) of RFC 6962 §2.1 over raw entries: the leaves are hashed first. */
    public static Hash rootOfEntries(List<byte[]> entries) {
        return root(entries.stream().map(TreeHash::leafHash).toList());
    }

    private static Hash rangeRoot(List<Hash> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashes.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return nodeHash(rangeRoot(hashes, from, from + k), rangeRoot(hashes, from + k, to));
    }

    /**
     * The hash of a perfect subtree whose bottom row is {@code hashes[from, from + 2^height)},
     * used to climb inside a tile. Exposed for the tile code; {@code height} may be 0.
     */
    public static Hash perfectRoot(List<Hash> hashes, int from, int height) {
        return rangeRoot(hashes, from, from + (1 << height));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
