package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.InclusionProof;
import dev.packguard.ledger.tlog.Proofs;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.proof.TlogProof;
import java.nio.charset.StandardCharsets;
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
        InclusionProof proof = MirrorHashes.read(() -> Proofs.inclusionProof(index, cp.get().size(), new MirrorHashes(store)));
        // The proof must check against the stored root, or the store is damaged: never hand out a bad proof.
        if (!proof.verify(TreeHash.leafHash(entry.get()), cp.get().root()).verified()) {
            throw new MirrorStoreException("The ledger mirror " + store.file() + " is damaged: the proof for entry "
                    + index + " does not reach the verified root. Move the file aside and sync again.", null, false);
        }
        return Optional.of(TlogProof.of(index, proof.path(),
                new String(cp.get().note(), StandardCharsets.UTF_8), Optional.of(entry.get())));
    }
}
