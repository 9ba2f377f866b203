package dev.packguard.app.station.packing;

import dev.packguard.scanner.ProductIdentifier;
import java.util.Objects;

/** A unit's identity: GTIN and serial (EU FMD Art. 4: product code + serial number). */
public record UnitKey(String gtin, String serial) {

    public UnitKey {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
        if (!ProductIdentifier.isValidGtin14(gtin)) {
            throw new IllegalArgumentException("not a GTIN-14 with a valid check digit: " + gtin);
        }
        if (serial.isEmpty() || serial.length() > 20) {
            throw new IllegalArgumentException("serial must be 1-20 characters");
        }
    }

    /** As shown and recorded: {@code gtin/serial}. */
    @Override
    public String toString() {
        return gtin + "/" + serial;
    }
}
