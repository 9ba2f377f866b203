package dev.packguard.ledger.checkpoint;

import dev.packguard.ledger.note.NoteVerifier;
import dev.packguard.ledger.note.VerifierKey;
import dev.packguard.ledger.note.VerifierSet;
import java.util.Collection;

/** Verifiers for every key type the station accepts: log keys (0x01) and witness keys (0x04). */
public final class Verifiers {
    private Verifiers() {
    }

    /** The verifier matching {@code key}'s signature type. */
    public static NoteVerifier of(VerifierKey key) {
        return switch (key.type()) {
            case ED25519 -> NoteVerifier.ed25519(key);
            case COSIGNATURE_V1 -> CosignatureV1.verifier(key);
        };
    }

    /**
     * The set of verifiers of {@code keys}; the same key given twice counts once.
     *
     * @throws IllegalArgumentException when two different keys share name and key ID
     */
    public static VerifierSet setOf(Collection<VerifierKey> keys) {
        return VerifierSet.of(keys.stream().distinct().map(Verifiers::of).toList());
    }
}
