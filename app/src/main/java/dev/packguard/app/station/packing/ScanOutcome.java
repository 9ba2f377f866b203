package dev.packguard.app.station.packing;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ProductIdentifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one scan did at the packing station. Every variant is something the operator must see. */
public sealed interface ScanOutcome {

    /** A badge was scanned and the operator is signed in. */
    record SignedIn(String operator) implements ScanOutcome {
    }

    /** The operator (badge id) signed out; the station waits for the next sign-in. */
    record SignedOut(String operator) implements ScanOutcome {
    }

    /** An order was opened (by scanning its id or picking it). */
    record OrderOpened(Order order) implements ScanOutcome {
    }

    /**
     * The unit passed and was counted on its line: {@code packed} of {@code line.quantity()}.
     * {@code ledgerWarning} is present when the ledger is older than the warning age.
     */
    record Accepted(ProductIdentifier unit, UnitKey key, Order.Line line, int packed, UnitVerdict.Pass verdict,
            Optional<String> ledgerWarning) implements ScanOutcome {
    }

    /** Why a unit was blocked. */
    enum Block {
        /** The verdict was FAIL: the unit may be falsified, recalled, expired, not ours. */
        FAILED,
        /** The verdict was CANNOT_VERIFY: without proof the unit does not go out. */
        NOT_VERIFIED,
        /** The product is not on this order. */
        WRONG_PRODUCT,
        /** The line already has all its units. */
        MORE_THAN_ORDERED
    }

    /**
     * The unit must not be packed; the order takes no further scans until the operator confirms
     * it went to the quarantine bin. {@code reasons} are in plain language.
     */
    record Blocked(ProductIdentifier unit, UnitKey key, Block block, UnitVerdict verdict, List<String> reasons)
            implements ScanOutcome {
        public Blocked {
            Objects.requireNonNull(block, "block");
            reasons = List.copyOf(reasons);
        }
    }

    /** The unit was scanned before in this order (packed or quarantined) and is not counted again. */
    record Duplicate(UnitKey key, boolean quarantined) implements ScanOutcome {
    }

    /** The scan could not be read as a pack code; nothing was counted. */
    record Unreadable(String scan, ParseError error) implements ScanOutcome {
    }

    /** The blocked unit is in the quarantine bin; scanning goes on. {@code suspectReport} when one was filed. */
    record QuarantineConfirmed(UnitKey key, boolean suspectReport) implements ScanOutcome {
    }

    /** The scan was not taken, for {@code why} (no operator, no order, blocked, ledger unusable, …). */
    record Refused(String why) implements ScanOutcome {
    }

    /** The audit log or outbox could not be written: the station stops until this is fixed. */
    record Halted(String why) implements ScanOutcome {
    }
}
