package dev.packguard.ledger.policy;

import dev.packguard.ledger.checkpoint.VerifiedCheckpoint;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.ParseError;
import java.util.List;
import java.util.Objects;

/** The outcome of evaluating a checkpoint note against a {@link Policy}. Only {@link Satisfied} is trusted. */
public sealed interface PolicyEvaluation {

    /**
     * Signed by {@code log} and cosigned by enough witnesses; {@code witnesses} are the policy
     * names of all witnesses whose cosignatures verified, in policy order.
     */
    record Satisfied(VerifiedCheckpoint checkpoint, KeyName log, List<String> witnesses) implements PolicyEvaluation {
        public Satisfied {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(log, "log");
            witnesses = List.copyOf(witnesses);
        }
    }

    /** Not a well-formed note, or its verified text is not a checkpoint. */
    record Malformed(ParseError error) implements PolicyEvaluation {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** No valid signature by the policy log whose key name is the checkpoint's origin. */
    record NoLogSignature(String reason) implements PolicyEvaluation {
        public NoLogSignature {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A signature by a key of this policy failed to verify: a security failure. */
    record BadSignature(KeyName name, int keyId) implements PolicyEvaluation {
        public BadSignature {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The log signed, but the verified cosignatures ({@code witnesses}) do not meet {@code quorum}. */
    record QuorumNotMet(VerifiedCheckpoint checkpoint, List<String> witnesses, String quorum) implements PolicyEvaluation {
        public QuorumNotMet {
            Objects.requireNonNull(checkpoint, "checkpoint");
            witnesses = List.copyOf(witnesses);
            Objects.requireNonNull(quorum, "quorum");
        }
    }

    /** Why this outcome is or is not trusted, in words for an operator or auditor. */
    default String explanation() {
        if (this instanceof Satisfied s) {
            return "signed by " + s.log().value() + ", cosigned by " + (s.witnesses().isEmpty() ? "no witness"
                    : String.join(", ", s.witnesses()));
        }
        if (this instanceof Malformed m) {
            return "the checkpoint note is malformed (" + m.error() + ")";
        }
        if (this instanceof NoLogSignature n) {
            return "it is not signed by the log named in the policy (" + n.reason() + ")";
        }
        if (this instanceof BadSignature b) {
            return "the signature by " + b.name().value() + " does not verify: forged or corrupted";
        }
        QuorumNotMet q = (QuorumNotMet) this;
        return "not enough witnesses cosigned it (verified: "
                + (q.witnesses().isEmpty() ? "none" : String.join(", ", q.witnesses())) + "; quorum: " + q.quorum() + ")";
    }
}
