package dev.packguard.app.station.packing;

import dev.packguard.app.station.CheckpointRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one scanned unit as the station works with it (DESIGN.md, "Verification"):
 * {@code PASS}, {@code FAIL(reasons)} or {@code CANNOT_VERIFY(reason)}; anything but a pass
 * blocks packing. Every verdict carries its evidence so the decision can be re-checked.
 */
public sealed interface UnitVerdict permits UnitVerdict.Pass, UnitVerdict.Fail, UnitVerdict.CannotVerify {

    /** The checkpoint and the log entries the verdict rests on. */
    Evidence evidence();

    /**
     * The unit is genuine and in this pharmacy's custody; {@code custody} is its chain, oldest
     * first (empty when the verifier does not report it); {@code warnings} do not block but are
     * shown (e.g. an expiry printed with day 00).
     */
    record Pass(Evidence evidence, Optional<String> productName, List<CustodyStep> custody, List<Reason> warnings)
            implements UnitVerdict {
        public Pass {
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(productName, "productName");
            custody = List.copyOf(custody);
            warnings = List.copyOf(warnings);
        }
    }

    /** The unit must not be packed, for {@code reasons} (at least one). */
    record Fail(List<Reason> reasons, Evidence evidence, List<CustodyStep> custody) implements UnitVerdict {
        public Fail {
            reasons = List.copyOf(reasons);
            Objects.requireNonNull(evidence, "evidence");
            custody = List.copyOf(custody);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a failure needs a reason");
            }
        }
    }

    /** The station could not decide (ledger unusable, data missing); the unit must not be packed. */
    record CannotVerify(Reason reason, Evidence evidence) implements UnitVerdict {
        public CannotVerify {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /**
     * Why a unit failed.
     *
     * @param code a stable code, e.g. {@code RECALLED}, {@code NOT_COMMISSIONED}
     * @param message plain language for the operator
     * @param nmvs the EU NMVS alert code where one maps
     */
    record Reason(String code, String message, Optional<String> nmvs) {
        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(nmvs, "nmvs");
        }

        public Reason(String code, String message) {
            this(code, message, Optional.empty());
        }
    }

    /** The checkpoint a verdict was reached against and the log indices of the entries used. */
    record Evidence(Optional<CheckpointRef> checkpoint, List<Long> entries) {
        public Evidence {
            Objects.requireNonNull(checkpoint, "checkpoint");
            entries = List.copyOf(entries);
        }

        /** No evidence (nothing could be looked up). */
        public static Evidence none() {
            return new Evidence(Optional.empty(), List.of());
        }
    }

    /**
     * One step of the chain of custody: who acted, what they did, when, and whether the
     * statement is trusted (signer certified, signature verified). An untrusted step is shown,
     * marked as such, never hidden.
     *
     * @param party the acting party's registered name (its GLN when unregistered)
     * @param step what happened, in words, e.g. "shipped to Nordgross Pharmahandel"
     * @param time the event time
     * @param verified the entry is trusted
     * @param gln the acting party's GLN (PGLN), when known
     * @param role the acting party's registered role, when known
     * @param index the entry's log index, when known
     * @param note why the entry is not trusted; empty when it is
     */
    record CustodyStep(String party, String step, Instant time, boolean verified, Optional<String> gln,
            Optional<PartyRole> role, java.util.OptionalLong index, String note) {
        public CustodyStep {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(gln, "gln");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(note, "note");
        }

        /** A step known only by party, words, time and trust. */
        public CustodyStep(String party, String step, Instant time, boolean verified) {
            this(party, step, time, verified, Optional.empty(), Optional.empty(), java.util.OptionalLong.empty(), "");
        }
    }

    /** The role a party is certified for, as the timeline shows it. */
    enum PartyRole {
        MANUFACTURER("M", "Manufacturer"), WHOLESALER("W", "Wholesaler"), PHARMACY("P", "Pharmacy"),
        REGULATOR("R", "Authority");

        private final String letter;
        private final String label;

        PartyRole(String letter, String label) {
            this.letter = letter;
            this.label = label;
        }

        /** One letter for the role's badge. */
        public String letter() {
            return letter;
        }

        /** The role in a word. */
        public String label() {
            return label;
        }
    }
}
