package dev.packguard.app.station.audit;

import java.util.Objects;

/** The outcome of checking an audit chain from its first record to its head. */
public sealed interface AuditCheck permits AuditCheck.Intact, AuditCheck.Tampered {

    /** Every record links to the one before and hashes as stored; {@code head} is the last hash. */
    record Intact(long records, String headHex) implements AuditCheck {
        public Intact {
            Objects.requireNonNull(headHex, "headHex");
        }
    }

    /**
     * The chain is broken at record {@code seq}: it was edited, removed, moved, or records after
     * it were removed. {@code problem} says which, in words for the pharmacist in charge.
     */
    record Tampered(long seq, String problem) implements AuditCheck {
        public Tampered {
            Objects.requireNonNull(problem, "problem");
        }

        /** One line for the operator. */
        public String describe() {
            return "The audit log has been altered at record " + seq + ": " + problem;
        }
    }
}
