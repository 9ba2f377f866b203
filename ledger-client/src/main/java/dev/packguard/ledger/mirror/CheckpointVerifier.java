package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.Hash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a checkpoint note may be trusted: signed by the log and cosigned by enough
 * witnesses (C2SP tlog-checkpoint, signed-note, tlog-cosignature, tlog-policy). The mirror only
 * needs the verdict, so it stays independent of key formats and policy syntax.
 */
@FunctionalInterface
public interface CheckpointVerifier {

    /** Verifies the note bytes exactly as downloaded. Never throws for bad input. */
    Check verify(byte[] note);

    /** The verdict on one checkpoint note. */
    sealed interface Check permits Accepted, Rejected {
    }

    /**
     * The note satisfies the policy.
     *
     * @param origin the checkpoint's origin line
     * @param size the tree size it commits to
     * @param root the root hash it commits to
     * @param newestCosignature the newest witness cosignature timestamp, if any witness signed
     */
    record Accepted(String origin, long size, Hash root, Optional<Instant> newestCosignature) implements Check {
        public Accepted {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(newestCosignature, "newestCosignature");
            if (size < 0) {
                throw new IllegalArgumentException("size < 0");
            }
        }
    }

    /** The note is malformed, badly signed, or does not meet the policy; {@code reason} says which. */
    record Rejected(String reason) implements Check {
    }
}
