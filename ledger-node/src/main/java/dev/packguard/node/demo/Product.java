package dev.packguard.node.demo;

import dev.packguard.ledger.statement.Gtin;
import java.util.Objects;
import java.util.Optional;

/**
 * A medicine in the demo catalogue.
 *
 * @param id short name used in lot numbers and file names
 * @param gtin the pack's GTIN-14 (valid check digit)
 * @param description what a pharmacist reads on an order line
 * @param manufacturer the id of the {@link DemoParty} that owns the GTIN's company prefix
 * @param pzn the German PZN carried in AI (710), when the GTIN is PZN-backed
 * @param ndc the US NDC embedded in the GTIN, when it is an NDC GTIN
 * @param shelfLifeMonths from manufacture to expiry
 */
public record Product(String id, Gtin gtin, String description, String manufacturer, Optional<String> pzn,
        Optional<String> ndc, int shelfLifeMonths) {
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(pzn, "pzn");
        Objects.requireNonNull(ndc, "ndc");
        if (shelfLifeMonths < 6 || shelfLifeMonths > 60) {
            throw new IllegalArgumentException("shelf life must be 6..60 months: " + shelfLifeMonths);
        }
    }
}
