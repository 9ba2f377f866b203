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

    /**
     * The key written as {@link #toString()} ({@code gtin/serial}; the serial may itself hold a slash).
     *
     * @throws IllegalArgumentException when {@code text} is not in that form
     */
    public static UnitKey parse(String text) {
        if (text.length() < 16 || text.charAt(14) != '/') {
            throw new IllegalArgumentException("not gtin/serial: " + text);
        }
        return new UnitKey(text.substring(0, 14), text.substring(15));
    }

    /** As shown and recorded: {@code gtin/serial}. */
    @Override
    public String toString() {
        return gtin + "/" + serial;
    }
}
