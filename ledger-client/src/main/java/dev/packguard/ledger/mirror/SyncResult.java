package dev.packguard.ledger.mirror;

import java.util.Optional;

/** What a sync achieved. Every case leaves the mirror consistent and never ahead of what was verified. */
public sealed interface SyncResult {

    /** New entries were verified and committed. */
    record Synced(VerifiedCheckpoint checkpoint, long newEntries) implements SyncResult {
    }

    /** The log has not grown; a fresher note (newer cosignatures) may have been stored. */
    record UpToDate(VerifiedCheckpoint checkpoint) implements SyncResult {
    }

    /**
     * The log could not be reached or read; the local copy (if any) is still valid and usable,
     * subject to the age policy.
     */
    record Offline(String reason, Optional<VerifiedCheckpoint> local) implements SyncResult {
    }

    /**
     * The log misbehaved or its checkpoint failed verification: nothing was committed.
     * {@code evidence} is present when two signed statements contradict each other (or the
     * signed root contradicts the served entries) and was recorded in the mirror.
     */
    record SecurityFailure(String reason, Optional<Evidence> evidence, Optional<VerifiedCheckpoint> local)
            implements SyncResult {
    }
}
