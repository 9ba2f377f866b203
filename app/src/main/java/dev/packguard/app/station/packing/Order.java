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
 * @param id the order id, 1–40 of {@code A-Z a-z 0-9 - _ .}
 * @param lines what to pack, at least one, each GTIN once
 */
public record Order(String id, List<Line> lines) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public Order {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("order id must be 1-40 of A-Z a-z 0-9 . _ -, was '" + id + "'");
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
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
     * @param description what the operator sees, e.g. "Ibuprofen 400 mg, 20 tablets"
     * @param quantity packs to put in the parcel, 1–999
     * @param daysSupply how many days the packs must last (expiry rule), 0–365
     */
    public record Line(String gtin, String description, int quantity, int daysSupply) {
        public Line {
            Objects.requireNonNull(gtin, "gtin");
            Objects.requireNonNull(description, "description");
            if (!ProductIdentifier.isValidGtin14(gtin)) {
                throw new IllegalArgumentException("not a GTIN-14 with a valid check digit: " + gtin);
            }
            if (description.isBlank() || description.length() > 200) {
                throw new IllegalArgumentException("description must be 1-200 characters");
            }
            if (quantity < 1 || quantity > 999) {
                throw new IllegalArgumentException("quantity must be 1-999, was " + quantity);
            }
            if (daysSupply < 0 || daysSupply > 365) {
                throw new IllegalArgumentException("daysSupply must be 0-365, was " + daysSupply);
            }
        }
    }
}
