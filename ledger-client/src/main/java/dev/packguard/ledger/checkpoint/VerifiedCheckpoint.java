package dev.packguard.ledger.checkpoint;

import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.VerifiedSignature;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checkpoint whose note verified against known keys. Which keys are enough (the log's, a
 * witness quorum) is the policy's decision, not this type's.
 */
public record VerifiedCheckpoint(Checkpoint checkpoint, SignedNote note, List<VerifiedSignature> signatures) {
    public VerifiedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(note, "note");
        signatures = List.copyOf(signatures);
    }

    /** Names of the keys whose signatures verified, in note order. */
    public List<KeyName> names() {
        return signatures.stream().map(VerifiedSignature::name).distinct().toList();
    }

    /** The timestamp of a verified cosignature; empty for other signature types. */
    public static Optional<Instant> cosignatureTime(VerifiedSignature s) {
        return s.type() == SignatureType.COSIGNATURE_V1 ? CosignatureV1.timestamp(s.signature()) : Optional.empty();
    }

    /**
     * The newest timestamp among the verified witness cosignatures: the latest time at which an
     * independent witness saw this checkpoint as the newest of its log (c2sp.org/tlog-cosignature
     * §Ed25519 signed message). Empty when no cosignature verified. Timestamps in the future are
     * reported as they are; judging clock skew and age is the caller's policy.
     */
    public Optional<Instant> newestCosignatureTime() {
        return signatures.stream().map(VerifiedCheckpoint::cosignatureTime).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }
}
