package dev.packguard.node.sequencer;

/**
 * The sequencer's answer to one submitted entry. Only {@link Sequenced} means the entry is in
 * the log: it is durable on disk and has its index; every other answer means nothing was
 * written.
 */
public sealed interface Submission {

    /** Durable in the journal with log index {@code index}; it will be in the next checkpoint. */
    record Sequenced(long index) implements Submission {
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
