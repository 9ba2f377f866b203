package dev.packguard.node.sequencer;

/**
 * The sequencer's answer to one submitted entry. {@link Sequenced} and {@link AlreadyLogged}
 * mean the entry is in the log: it is durable on disk and has its index; every other answer
 * means it is not, and nothing was written.
 */
public sealed interface Submission {

    /** Durable in the journal with log index {@code index}; it will be in the next checkpoint. */
    record Sequenced(long index) implements Submission {
    }

    /**
     * The very same bytes are already in the log at {@code index} (durable), so nothing was
     * written: a resubmission, typically after the answer to the first one was lost. Only an
     * entry identical to the one at that index gets this answer; any other entry that
     * contradicts the log is {@link Rejected}.
     */
    record AlreadyLogged(long index) implements Submission {
    }

    /** Larger than a tlog-tiles entry can be (65,535 bytes). */
    record TooLarge(long size, int limit) implements Submission {
    }

    /** Refused by the {@link SubmissionValidator}. */
    record Rejected(SubmissionValidator.Verdict verdict) implements Submission {
        /** Requires a refusing verdict. */
        public Rejected {
            if (verdict instanceof SubmissionValidator.Verdict.Accept) {
                throw new IllegalArgumentException("an accepted entry is not rejected");
            }
        }

        /** The validator's reason. */
        public String reason() {
            return verdict instanceof SubmissionValidator.Verdict.Invalid i ? i.reason()
                    : ((SubmissionValidator.Verdict.Conflict) verdict).reason();
        }
    }

    /** Too many entries are waiting; try again shortly. */
    record Overloaded(int pending) implements Submission {
    }

    /** The node cannot write (disk full, I/O error) or is shutting down. */
    record Unavailable(String reason) implements Submission {
    }
}
