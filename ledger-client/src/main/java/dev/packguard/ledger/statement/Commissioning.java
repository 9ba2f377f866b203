package dev.packguard.ledger.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The manufacturer brings units of one GTIN and lot into existence at {@code location}. GTIN,
 * lot and expiry are in clear because recalls and expiry checks need them; the serials are not.
 * CBV 2.0: business step {@code commissioning}, disposition {@code active}.
 */
public record Commissioning(Gln party, Instant eventTime, Gln location, Gtin gtin, Lot lot, LocalDate expiry, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "commissioning";

    /** Requires every field; sorts the units and rejects duplicates. */
    public Commissioning {
        Checks.header(party, eventTime);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(lot, "lot");
        if (!Times.isValidDate(Objects.requireNonNull(expiry, "expiry"))) {
            throw new IllegalArgumentException("expiry must be in 2000-2199: " + expiry);
        }
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.COMMISSIONING;
    }
}
