package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.HashSource;
import dev.packguard.ledger.tlog.InclusionProof;
import dev.packguard.ledger.tlog.Proofs;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inclusion proofs from the station's own copy, with no network: for any verified entry, a
 * C2SP tlog-proof file that a third party can check with nothing but the policy. PackGuard puts
 * the entry's bytes in the proof's {@code extra} field; the inclusion proof is what
 * authenticates them (docs/LEDGER.md, "Proof files").
 */
public final class MirrorProofs {
    private final MirrorStore store;

    public MirrorProofs(MirrorStore store) {
        this.store = store;
    }

    /** A proof of entry {@code index} against the verified checkpoint, or empty if it is not verified here. */
    public Optional<TlogProof> export(long index) throws MirrorStoreException {
        Optional<VerifiedCheckpoint> cp = store.verified();
        Optional<byte[]> entry = store.entry(index);
        if (cp.isEmpty() || entry.isEmpty()) {
            return Optional.empty();
        }
        InclusionProof proof;
        try {
            proof = Proofs.inclusionProof(index, cp.get().size(), new StoredSubtrees());
        } catch (StoreRead e) {
            throw e.cause;
        }
        // The proof must check against the stored root, or the store is damaged: never hand out a bad proof.
        if (!proof.verify(TreeHash.leafHash(entry.get()), cp.get().root()).verified()) {
            throw new MirrorStoreException("The ledger mirror " + store.file() + " is damaged: the proof for entry "
                    + index + " does not reach the verified root. Move the file aside and sync again.", null, false);
        }
        return Optional.of(TlogProof.of(index, proof.path(),
                new String(cp.get().note(), StandardCharsets.UTF_8), Optional.of(entry.get())));
    }

    /** Carries a store failure out of {@link HashSource#subtree}, which cannot throw checked exceptions. */
    private static final class StoreRead extends RuntimeException {
        final MirrorStoreException cause;

        StoreRead(MirrorStoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /**
     * Complete subtrees from the store: levels 8 and up from the saved hash of each full bundle,
     * levels below 8 by hashing the entries of the one bundle that holds them.
     */
    private final class StoredSubtrees implements HashSource {
        @Override
        public Hash subtree(int level, long index) {
            try {
                if (level >= 8) {
                    long per = 1L << (level - 8);
                    List<Hash> bundles = new ArrayList<>((int) per);
                    for (long b = index * per; b < (index + 1) * per; b++) {
                        bundles.add(store.subtree(b).orElseThrow(() -> new StoreRead(missing(level, index))));
                    }
                    return TreeHash.root(bundles);
                }
                long first = index << level;
                EntryBundle bundle = store.verifiedBundle(first / MirrorStore.BUNDLE_WIDTH)
                        .orElseThrow(() -> new StoreRead(missing(level, index)));
                List<Hash> leaves = bundle.leafHashes();
                int from = (int) (first % MirrorStore.BUNDLE_WIDTH);
                return TreeHash.root(leaves.subList(from, from + (1 << level)));
            } catch (MirrorStoreException e) {
                throw new StoreRead(e);
            }
        }

        private MirrorStoreException missing(int level, long index) {
            return new MirrorStoreException("The ledger mirror " + store.file() + " lacks the hashes of subtree "
                    + level + "/" + index + ". Move the file aside and sync again.", null, false);
        }
    }
}
