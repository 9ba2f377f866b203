package dev.packguard.ledger.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that the log misbehaved, kept for the pharmacy's security officer and the consortium:
 * both notes as received, so anyone can check the two signed statements contradict each other.
 *
 * @param kind what was detected
 * @param detectedAt when (station clock)
 * @param storedNote the checkpoint note the station had verified before
 * @param offeredNote the note (or, for bad entries, the checkpoint) the log offered instead
 * @param detail a plain-language explanation naming sizes, roots and indices
 */
public record Evidence(Kind kind, Instant detectedAt, byte[] storedNote, byte[] offeredNote, String detail) {

    /** The kinds of security failure a sync can detect. */
    public enum Kind {
        /** The log signed a smaller tree whose root contradicts the verified entries at that size. */
        ROLLBACK,
        /** The log signed two different roots for the same tree size. */
        FORK
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(detail, "detail");
        storedNote = storedNote == null ? new byte[0] : storedNote.clone();
        offeredNote = offeredNote == null ? new byte[0] : offeredNote.clone();
    }

    @Override
    public byte[] storedNote() {
        return storedNote.clone();
    }

    @Override
    public byte[] offeredNote() {
        return offeredNote.clone();
    }
}
