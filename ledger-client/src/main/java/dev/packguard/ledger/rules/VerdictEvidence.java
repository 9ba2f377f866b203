package dev.packguard.ledger.rules;

import dev.packguard.ledger.tlog.Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a verdict was decided on, so anyone can re-check it later, offline: the verified
 * checkpoint (C2SP tlog-checkpoint: origin, size, root hash) and the log indices of every entry
 * the rules read (the unit's events, lot recalls, and the registrations and revocations behind
 * the signers). Each index is below the checkpoint size, so an inclusion proof against that
 * checkpoint exists for it (docs/LEDGER.md "Proof files").
 *
 * @param checkpoint empty only when the station has no verified ledger at all
 * @param entries ascending and distinct
 */
public record VerdictEvidence(Optional<Checkpoint> checkpoint, List<Long> entries) {
    /** A verified checkpoint, as much of it as identifies the tree. */
    public record Checkpoint(String origin, long size, Hash rootHash) {
        /** Requires every field. */
        public Checkpoint {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(rootHash, "rootHash");
        }
    }

    /** Sorts and de-duplicates the indices. */
    public VerdictEvidence {
        Objects.requireNonNull(checkpoint, "checkpoint");
        entries = List.copyOf(new TreeSet<>(entries));
    }

    /** Evidence of nothing: no ledger was consulted. */
    public static VerdictEvidence none() {
        return new VerdictEvidence(Optional.empty(), List.of());
    }
}
