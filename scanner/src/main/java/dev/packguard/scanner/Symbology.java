package dev.packguard.scanner;

import java.util.Optional;

/**
 * The bar code symbology a scan came from, as announced by its AIM symbology identifier
 * (ISO/IEC 15424; GS1 General Specifications §5.1.2 lists the ones that carry GS1 data).
 * {@link #NONE} means the input carried no identifier (a scanner with the prefix switched off,
 * or text typed by hand).
 */
public enum Symbology {
    GS1_DATAMATRIX("]d2", true),
    DATAMATRIX("]d1", false),
    GS1_128("]C1", true),
    CODE128("]C0", false),
    GS1_QR("]Q3", true),
    QR("]Q1", false),
    GS1_DATABAR("]e0", true),
    EAN_UPC("]E0", true),
    NONE("", false);

    private final String aimIdentifier;
    private final boolean gs1;

    Symbology(String aimIdentifier, boolean gs1) {
        this.aimIdentifier = aimIdentifier;
        this.gs1 = gs1;
    }

    /** The three-character AIM identifier ({@code ]d2}), or the empty string for {@link #NONE}. */
    public String aimIdentifier() {
        return aimIdentifier;
    }

    /** Whether this identifier announces GS1 Application Identifier data. */
    public boolean carriesGs1() {
        return gs1;
    }

    /** The symbology with exactly this AIM identifier (case-sensitive), if we know it. */
    public static Optional<Symbology> fromAim(String identifier) {
        for (Symbology s : values()) {
            if (s != NONE && s.aimIdentifier.equals(identifier)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
