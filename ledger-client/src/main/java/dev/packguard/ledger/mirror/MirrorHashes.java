package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.HashSource;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Complete subtrees of the verified tree, from the store: levels 8 and up from the saved hash of
 * each full bundle, levels below 8 by hashing the entries of the one bundle that holds them.
 * Used for inclusion proofs and for the tree's root at an earlier size.
 */
final class MirrorHashes implements HashSource {
    private final MirrorStore store;

    MirrorHashes(MirrorStore store) {
        this.store = store;
    }

    /** Runs {@code work}, turning a store failure inside {@link #subtree} back into its checked exception. */
    static <T> T read(Supplier<T> work) throws MirrorStoreException {
        try {
            return work.get();
        } catch (StoreRead e) {
            throw e.failure;
        }
    }

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

    /** Carries a store failure out of {@link #subtree}, which cannot throw checked exceptions. */
    private static final class StoreRead extends RuntimeException {
        final MirrorStoreException failure;

        StoreRead(MirrorStoreException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
