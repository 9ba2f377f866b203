package dev.packguard.app.station.returns;

import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ProductIdentifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one step at the returns bench did. Every variant is something the operator must see. */
public sealed interface ReturnOutcome {

    /** A badge was scanned and the operator is signed in at the returns bench. */
    record SignedIn(String operator) implements ReturnOutcome {
    }

    /** The bench's operator (badge id) signed out; the bench waits for the next sign-in. */
    record SignedOut(String operator) implements ReturnOutcome {
    }

    /**
     * The unit passed the return checks (dispensed here, inside the return window, not recalled
     * or expired); the operator must now say whether its seal is intact. {@code ledgerWarning}
     * is present when the ledger is older than the warning age.
     */
    record Verified(ProductIdentifier unit, UnitKey key, UnitVerdict.Pass verdict, Optional<String> ledgerWarning)
            implements ReturnOutcome {
        public Verified {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(ledgerWarning, "ledgerWarning");
        }
    }

    /**
     * The unit must not go back to stock; it waits for the quarantine bin. {@code reasons} are in
     * plain words for the returns bench.
     */
    record Rejected(ProductIdentifier unit, UnitKey key, UnitVerdict verdict, QuarantineReason reason, List<String> reasons)
            implements ReturnOutcome {
        public Rejected {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            reasons = List.copyOf(reasons);
        }
    }

    /** The seal check was recorded: intact, the unit may go back to stock; broken, it goes to quarantine. */
    record SealChecked(UnitKey key, boolean intact) implements ReturnOutcome {
    }

    /** The unit is back in saleable stock and its "returned" statement is queued for the ledger. */
    record ReturnedToStock(UnitKey key) implements ReturnOutcome {
    }

    /** The unit is in the quarantine bin, for {@code reason}; {@code suspectReport} when one was filed. */
    record Quarantined(UnitKey key, QuarantineReason reason, boolean suspectReport) implements ReturnOutcome {
    }

    /** The unit was already returned to stock or quarantined in this session and is not taken again. */
    record Duplicate(UnitKey key, boolean quarantined) implements ReturnOutcome {
    }

    /** The scan could not be read as a pack code; nothing was taken. */
    record Unreadable(String scan, ParseError error) implements ReturnOutcome {
    }

    /** The step was not taken, for {@code why} (nobody signed in, a return unfinished, ledger unusable, …). */
    record Refused(String why) implements ReturnOutcome {
    }

    /** The audit log or outbox could not be written: the bench stops until this is fixed. */
    record Halted(String why) implements ReturnOutcome {
    }
}
