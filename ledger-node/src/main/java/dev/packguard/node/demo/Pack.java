package dev.packguard.node.demo;

import dev.packguard.ledger.statement.Lot;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What is printed on one demo pack: GTIN, expiry, batch and serial, plus the PZN in AI (710) for
 * a German pack. The printed lot and expiry may deliberately differ from what was commissioned.
 *
 * @param product the product (GTIN, PZN)
 * @param serial AI (21)
 * @param lot AI (10)
 * @param expiry AI (17), always a real day (healthcare guidance since 2025)
 */
public record Pack(Product product, String serial, Lot lot, LocalDate expiry) {
    /** The group separator that ends a variable-length field (FNC1 in the symbol). */
    public static final char GS = 0x1D;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public Pack {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
    }

    /**
     * The GS1 element string as a scanner sends it (without symbology identifier): fixed-length
     * AIs (01) and (17) first, then (10), (21) and (710) each ended by GS unless last (GS1 GenSpecs §7.8.5).
     */
    public String elementString() {
        StringBuilder b = new StringBuilder();
        b.append("01").append(product.gtin().digits()).append("17").append(expiry.format(YYMMDD));
        b.append("10").append(lot.value()).append(GS).append("21").append(serial);
        product.pzn().ifPresent(pzn -> b.append(GS).append("710").append(pzn));
        return b.toString();
    }

    /** {@link #elementString()} with each GS written as the printable escape {@code \x1d}. */
    public String escaped() {
        return elementString().replace(String.valueOf(GS), "\\x1d");
    }

    /** The GS1 bracketed form, e.g. {@code (01)04150037528649(17)281130(10)24A17(21)X7K2...}. */
    public String bracketed() {
        StringBuilder b = new StringBuilder();
        b.append("(01)").append(product.gtin().digits()).append("(17)").append(expiry.format(YYMMDD));
        b.append("(10)").append(lot.value()).append("(21)").append(serial);
        product.pzn().ifPresent(pzn -> b.append("(710)").append(pzn));
        return b.toString();
    }
}
