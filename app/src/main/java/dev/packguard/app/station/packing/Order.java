package dev.packguard.app.station.packing;

import dev.packguard.scanner.ProductIdentifier;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An order to pack, as read from the order folder (docs/ORDERS.md). No patient data: an id and
 * what goes in the parcel.
 *
 * @param id the order id, 1–40 of {@code A-Z a-z 0-9 - _} (also its barcode text and file name)
 * @param lines what to pack, at least one, each GTIN once
 */
public record Order(String id, List<Line> lines) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public Order {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("order id must be 1-40 of A-Z a-z 0-9 _ -, was '" + id + "'");
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 100) {
            throw new IllegalArgumentException("an order has 1-100 lines");
        }
        var seen = new HashSet<String>();
        for (Line l : lines) {
            if (!seen.add(l.gtin())) {
                throw new IllegalArgumentException("GTIN " + l.gtin() + " is on two lines");
            }
        }
    }

    /** The line for {@code gtin}, if the order has one. */
    public Optional<Line> line(String gtin) {
        return lines.stream().filter(l -> l.gtin().equals(gtin)).findFirst();
    }

    /**
     * One line of an order.
     *
     * @param gtin the product's GTIN-14 (valid check digit)
     * @param description what the operator sees, e.g. "Ibuprofen 400 mg, 20 tablets", 1–120 characters
     * @param quantity packs to put in the parcel, 1–99
     * @param daysSupply how many days the packs must last (expiry rule), 1–365
     */
    public record Line(String gtin, String description, int quantity, int daysSupply) {
        public Line {
            Objects.requireNonNull(gtin, "gtin");
            Objects.requireNonNull(description, "description");
            if (!ProductIdentifier.isValidGtin14(gtin)) {
                throw new IllegalArgumentException("not a GTIN-14 with a valid check digit: " + gtin);
            }
            if (description.isBlank() || description.length() > 120) {
                throw new IllegalArgumentException("description must be 1-120 characters");
            }
            if (quantity < 1 || quantity > 99) {
                throw new IllegalArgumentException("quantity must be 1-99, was " + quantity);
            }
            if (daysSupply < 1 || daysSupply > 365) {
                throw new IllegalArgumentException("daysSupply must be 1-365, was " + daysSupply);
            }
        }
    }
}
