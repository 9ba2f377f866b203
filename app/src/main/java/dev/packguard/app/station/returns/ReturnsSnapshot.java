package dev.packguard.app.station.returns;

import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.scanner.ProductIdentifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The returns bench at one moment, for the screen.
 *
 * @param stage what the bench waits for
 * @param operator who is signed in (at the bench, or at this station's packing screen)
 * @param current the unit being handled, until it is back in stock or in quarantine
 * @param returned units returned to stock in this session, in order
 * @param quarantined units put in quarantine in this session, in order
 * @param halted why the bench stopped (audit or outbox write failed, audit log tampered)
 */
public record ReturnsSnapshot(Stage stage, Optional<String> operator, Optional<Current> current, List<UnitKey> returned,
        List<UnitKey> quarantined, Optional<String> halted) {

    /** What the bench waits for. */
    public enum Stage {
        /** A badge scan. */
        SIGN_IN,
        /** The next returned unit. */
        SCAN,
        /** The unit passed: the operator answers "is the seal intact?". */
        SEAL_CHECK,
        /** Passed with its seal intact: "Return to stock" (or quarantine, at the operator's choice). */
        RETURN_TO_STOCK,
        /** Failed or seal broken: the unit must go in the quarantine bin (scan its label or confirm). */
        QUARANTINE,
        /** Work has stopped. */
        HALTED
    }

    /**
     * The unit on the bench.
     *
     * @param quarantine why it must go to quarantine; empty while it may still go back to stock
     * @param reasons plain words, empty for a pass
     */
    public record Current(ProductIdentifier unit, UnitKey key, UnitVerdict verdict, Optional<QuarantineReason> quarantine,
            List<String> reasons) {
        public Current {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(quarantine, "quarantine");
            reasons = List.copyOf(reasons);
        }
    }

    public ReturnsSnapshot {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(current, "current");
        returned = List.copyOf(returned);
        quarantined = List.copyOf(quarantined);
        Objects.requireNonNull(halted, "halted");
    }
}
