package dev.packguard.ledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Producing and checking Merkle proofs: inclusion (RFC 6962 §2.1.1) and consistency
 * (RFC 6962 §2.1.2), verified with the iterative algorithms of RFC 9162 §2.1.3.2 and
 * §2.1.4.2, which need no recursion and reject any proof of the wrong length.
 */
public final class Proofs {

    private Proofs() {
    }

    /**
     * MTH(D[0:size]) of RFC 6962 §2.1, read from complete subtrees of {@code source}: the
     * subtrees named by the one-bits of {@code size}, folded from the right.
     */
    public static Hash rootHash(long size, HashSource source) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        return size == 0 ? TreeHash.emptyRoot() : rangeHash(0, size, source);
    }

    /**
     * PATH(m, D[n]) of RFC 6962 §2.1.1 for leaf {@code index} in a tree of {@code treeSize}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < treeSize}
     */
    public static InclusionProof inclusionProof(long index, long treeSize, HashSource source) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("need 0 <= index < size, got " + index + ", " + treeSize);
        }
        List<Hash> path = new ArrayList<>();
        auditPath(index, 0, treeSize, source, path);
        return new InclusionProof(index, treeSize, path);
    }

    /**
     * PROOF(m, D[n]) of RFC 6962 §2.1.2 between sizes {@code oldSize} and {@code newSize}; empty
     * when the sizes are equal or the old tree is empty.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
     */
    public static ConsistencyProof consistencyProof(long oldSize, long newSize, HashSource source) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("need 0 <= old <= new, got " + oldSize + ", " + newSize);
        }
        List<Hash> path = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subProof(oldSize, 0, newSize, true, source, path);
        }
        return new ConsistencyProof(oldSize, newSize, path);
    }

    // PATH(m, D[lo:hi]) with m relative to lo; appends leaf-to-root.
    private static void auditPath(long m, long lo, long hi, HashSource source, List<Hash> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            auditPath(m, lo, lo + k, source, out);
            out.add(rangeHash(lo + k, hi, source));
        } else {
            auditPath(m - k, lo + k, hi, source, out);
            out.add(rangeHash(lo, lo + k, source));
        }
    }

    // SUBPROOF(m, D[lo:hi], b) with m relative to lo.
    private static void subProof(long m, long lo, long hi, boolean whole, HashSource source, List<Hash> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                out.add(rangeHash(lo, hi, source));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subProof(m, lo, lo + k, whole, source, out);
            out.add(rangeHash(lo + k, hi, source));
        } else {
            subProof(m - k, lo + k, hi, false, source, out);
            out.add(rangeHash(lo, lo + k, source));
        }
    }

    /**
     * MTH(D[lo:hi]) where {@code lo} is a multiple of the largest power of two not above
     * {@code hi - lo}, which holds for every range the RFC 6962 recursion visits.
     */
    static Hash rangeHash(long lo, long hi, HashSource source) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return source.subtree(level, lo >>> level);
        }
        long k = Long.highestOneBit(n);
        return TreeHash.nodeHash(rangeHash(lo, lo + k, source), rangeHash(lo + k, hi, source));
    }

    /**
     * Checks an inclusion proof with the algorithm of RFC 9162 §2.1.3.2.
     *
     * @param leafHash the leaf hash of the entry, SHA-256(0x00 || entry)
     * @param index its zero-based index
     * @param treeSize the size of the tree that {@code root} commits to
     * @param path the audit path, leaf to root
     * @param root the expected root hash
     */
    public static ProofCheck verifyInclusion(Hash leafHash, long index, long treeSize, List<Hash> path, Hash root) {
        if (index < 0 || index >= treeSize) {
            return rejected(ProofCheck.Reason.INDEX_OUT_OF_RANGE,
                    "need 0 <= index < size, got index " + index + ", size " + treeSize);
        }
        long fn = index;
        long sn = treeSize - 1;
        Hash r = leafHash;
        for (Hash p : path) {
            if (sn == 0) {
                return rejected(ProofCheck.Reason.WRONG_PATH_LENGTH, "proof has more than the needed hashes");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    // fn == sn on an even node: it is the rightmost node, promoted without a
                    // sibling through the levels where the tree is not full.
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = TreeHash.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return rejected(ProofCheck.Reason.WRONG_PATH_LENGTH, "proof has fewer than the needed hashes");
        }
        if (!r.equals(root)) {
            return rejected(ProofCheck.Reason.ROOT_MISMATCH, "computed root " + r + ", expected " + root);
        }
        return new ProofCheck.Verified();
    }

    /**
     * Checks a consistency proof with the algorithm of RFC 9162 §2.1.4.2. Equal sizes need an
     * empty proof and equal roots; an empty old tree needs an empty proof and the empty-tree
     * root as {@code oldRoot} (it is a prefix of every tree).
     */
    public static ProofCheck verifyConsistency(long oldSize, long newSize, Hash oldRoot, Hash newRoot, List<Hash> path) {
        if (oldSize < 0 || newSize < 0) {
            return rejected(ProofCheck.Reason.INDEX_OUT_OF_RANGE, "negative size " + oldSize + ", " + newSize);
        }
        if (oldSize > newSize) {
            return rejected(ProofCheck.Reason.SIZE_DECREASED, "size went from " + oldSize + " down to " + newSize);
        }
        if (oldSize == newSize || oldSize == 0) {
            if (!path.isEmpty()) {
                return rejected(ProofCheck.Reason.WRONG_PATH_LENGTH, "proof must be empty for sizes "
                        + oldSize + " and " + newSize);
            }
            if (oldSize == 0) {
                return oldRoot.equals(TreeHash.emptyRoot()) ? new ProofCheck.Verified()
                        : rejected(ProofCheck.Reason.OLD_ROOT_MISMATCH, "an empty tree has root " + TreeHash.emptyRoot());
            }
            return oldRoot.equals(newRoot) ? new ProofCheck.Verified()
                    : rejected(ProofCheck.Reason.ROOT_MISMATCH, "same size " + oldSize + ", different roots: a fork");
        }
        if (path.isEmpty()) {
            return rejected(ProofCheck.Reason.WRONG_PATH_LENGTH, "proof is empty");
        }
        List<Hash> proof = path;
        if (Long.bitCount(oldSize) == 1) {
            // The old tree is a complete subtree of the new one, so its root is the first step.
            proof = new ArrayList<>(path.size() + 1);
            proof.add(oldRoot);
            proof.addAll(path);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = proof.get(0);
        Hash sr = fr;
        for (Hash c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return rejected(ProofCheck.Reason.WRONG_PATH_LENGTH, "proof has more than the needed hashes");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.nodeHash(c, fr);
                sr = TreeHash.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = TreeHash.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return rejected(ProofCheck.Reason.WRONG_PATH_LENGTH, "proof has fewer than the needed hashes");
        }
        if (!fr.equals(oldRoot)) {
            return rejected(ProofCheck.Reason.OLD_ROOT_MISMATCH, "computed old root " + fr + ", expected " + oldRoot);
        }
        if (!sr.equals(newRoot)) {
            return rejected(ProofCheck.Reason.ROOT_MISMATCH, "computed new root " + sr + ", expected " + newRoot);
        }
        return new ProofCheck.Verified();
    }

    private static ProofCheck rejected(ProofCheck.Reason reason, String detail) {
        return new ProofCheck.Rejected(reason, detail);
    }
}
