package dev.packguard.node.sequencer;

import java.util.OptionalLong;

/**
 * Decides whether a submitted entry may enter the log. The sequencer calls {@link #check} on
 * the submitter's thread (stateless checks: size, syntax, signatures), then {@link #admit} on
 * its single sequencing thread in log order, so a stateful rule (custody: only the current
 * custodian may ship a unit; a unit is dispensed once) sees the entries exactly in the order
 * they get their indices. On restart, {@link #replay} is called for every journalled entry so
 * such state is rebuilt before new submissions arrive.
 */
public interface SubmissionValidator {

    /** Stateless checks; safe to call from many threads at once. */
    Verdict check(byte[] entry);

    /**
     * Stateful checks against the entries sequenced so far; an accepted entry is taken to be
     * sequenced at log index {@code index} (its effects on the state applied). Called on one
     * thread, in log order.
     */
    default Verdict admit(long index, byte[] entry) {
        return Verdict.ACCEPT;
    }

    /** Rebuilds state from a journalled entry at {@code index}, in order, at startup. */
    default void replay(long index, byte[] entry) {
    }

    /** The validator's answer. */
    sealed interface Verdict permits Verdict.Accept, Verdict.Invalid, Verdict.Conflict {
        /** The shared accepting verdict. */
        Verdict ACCEPT = new Accept();

        /** The entry may be sequenced. */
        record Accept() implements Verdict {
        }

        /** The entry is malformed or fails a check of its own (HTTP 400). */
        record Invalid(String reason) implements Verdict {
        }

        /**
         * The entry is well formed but contradicts the log (HTTP 409, e.g. custody).
         *
         * @param latest the log index of the entry that last changed what this one contradicts,
         *     when there is one: if the submission is that very entry, byte for byte, it is a
         *     resubmission and the sequencer answers with that index instead of refusing it
         */
        record Conflict(String reason, OptionalLong latest) implements Verdict {
            /** Requires a reason and a non-negative index. */
            public Conflict {
                java.util.Objects.requireNonNull(reason, "reason");
                if (latest.isPresent() && latest.getAsLong() < 0) {
                    throw new IllegalArgumentException("a log index is >= 0: " + latest.getAsLong());
                }
            }

            /** A conflict with no single entry to compare against. */
            public Conflict(String reason) {
                this(reason, OptionalLong.empty());
            }
        }
    }
}
