package dev.packguard.app.station.packing;

import dev.packguard.scanner.ProductIdentifier;
import java.util.Objects;

/**
 * The verifier of a station that cannot verify at all (no trust anchor configured, the
 * consortium root unreadable): every unit is CANNOT_VERIFY with {@code why}, which blocks it.
 * Never a pass without proof.
 */
public final class Unverifiable implements UnitVerifier {
    private final String why;

    public Unverifiable(String why) {
        this.why = Objects.requireNonNull(why, "why");
    }

    /** Why the station cannot verify. */
    public String why() {
        return why;
    }

    @Override
    public UnitVerdict verify(ProductIdentifier unit, int daysSupply) {
        return new UnitVerdict.CannotVerify(new UnitVerdict.Reason("STATION_NOT_SET_UP", why), UnitVerdict.Evidence.none());
    }
}
