package dev.packguard.ledger.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of verifying one scanned unit (DESIGN.md "Verification: scan → verdict"):
 * {@link Pass}, {@link Fail} with every reason found, or {@link CannotVerify} with the reason the
 * station could not decide. Anything but {@link Pass} blocks packing. Every verdict carries its
 * evidence and may carry warnings (which never change the outcome); a pass or a failure carries
 * the unit's chain of custody as the log records it.
 */
public sealed interface Verdict {
    /** Warnings, such as {@link ReasonCode#LEDGER_STALE}; every one of kind {@link ReasonCode.Kind#WARNING}. */
    List<Reason> warnings();

    /** The checkpoint and the log entries the decision rests on. */
    VerdictEvidence evidence();

    /**
     * The unit's chain of custody, oldest first ({@link CustodyChain}): every event naming the
     * unit, trusted or not, and the recalls of its lot. Empty when the log knows nothing of the
     * unit, and for {@link CannotVerify}, which reads no history.
     */
    List<CustodyStep> custody();

    /** True unless this is a {@link Pass}. */
    default boolean blocksPacking() {
        return !(this instanceof Pass);
    }

    /** The wire name used by the CLI and the audit log: {@code PASS}, {@code FAIL} or {@code CANNOT_VERIFY}. */
    String name();

    /** The findings that decide the verdict (empty for a pass). */
    List<Reason> reasons();

    /** What to tell the pharmacist, in plain words: the advice of each reason, then the warnings. */
    default String explanation() {
        String head = this instanceof Pass ? "This pack is genuine and may be dispensed."
                : reasons().stream().map(r -> r.code().advice()).distinct().collect(Collectors.joining(" "));
        String tail = warnings().stream().map(r -> r.code().advice()).distinct().collect(Collectors.joining(" "));
        return tail.isEmpty() ? head : head + " " + tail;
    }

    /** Every rule passed. */
    record Pass(List<Reason> warnings, VerdictEvidence evidence, List<CustodyStep> custody) implements Verdict {
        /** Requires warnings only. */
        public Pass {
            warnings = checked(warnings, ReasonCode.Kind.WARNING);
            Objects.requireNonNull(evidence, "evidence");
            custody = List.copyOf(custody);
        }

        /** A pass without a custody chain. */
        public Pass(List<Reason> warnings, VerdictEvidence evidence) {
            this(warnings, evidence, List.of());
        }

        @Override
        public String name() {
            return "PASS";
        }

        @Override
        public List<Reason> reasons() {
            return List.of();
        }
    }

    /** At least one rule failed; {@code reasons} in rule order. */
    record Fail(List<Reason> reasons, List<Reason> warnings, VerdictEvidence evidence, List<CustodyStep> custody)
            implements Verdict {
        /** Requires at least one failure reason and warnings only among the warnings. */
        public Fail {
            reasons = checked(reasons, ReasonCode.Kind.FAIL);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a failure needs a reason");
            }
            warnings = checked(warnings, ReasonCode.Kind.WARNING);
            Objects.requireNonNull(evidence, "evidence");
            custody = List.copyOf(custody);
        }

        /** A failure without a custody chain (nothing of the unit was read, e.g. an unreadable code). */
        public Fail(List<Reason> reasons, List<Reason> warnings, VerdictEvidence evidence) {
            this(reasons, warnings, evidence, List.of());
        }

        @Override
        public String name() {
            return "FAIL";
        }
    }

    /** The station cannot decide (no usable ledger); the pack waits until it can. */
    record CannotVerify(Reason reason, List<Reason> warnings, VerdictEvidence evidence) implements Verdict {
        /** Requires a cannot-verify reason. */
        public CannotVerify {
            Objects.requireNonNull(reason, "reason");
            if (reason.code().kind() != ReasonCode.Kind.CANNOT_VERIFY) {
                throw new IllegalArgumentException(reason.code() + " is not a cannot-verify reason");
            }
            warnings = checked(warnings, ReasonCode.Kind.WARNING);
            Objects.requireNonNull(evidence, "evidence");
        }

        @Override
        public String name() {
            return "CANNOT_VERIFY";
        }

        @Override
        public List<CustodyStep> custody() {
            return List.of();
        }

        @Override
        public List<Reason> reasons() {
            return List.of(reason);
        }
    }

    private static List<Reason> checked(List<Reason> reasons, ReasonCode.Kind kind) {
        for (Reason r : reasons) {
            if (r.code().kind() != kind) {
                throw new IllegalArgumentException(r.code() + " is not of kind " + kind);
            }
        }
        return List.copyOf(reasons);
    }
}
