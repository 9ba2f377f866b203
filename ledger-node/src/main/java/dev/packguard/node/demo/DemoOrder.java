package dev.packguard.node.demo;

import java.util.List;
import java.util.Objects;

/**
 * An order for the packing station (format: docs/ORDERS.md). No patient data: an order names
 * products and quantities, never a person.
 *
 * @param id the order id, also its file name and its barcode text
 * @param lines what must go into the parcel
 * @param packs units in the pharmacy's custody that fill the order exactly (printed in {@code packs/})
 */
public record DemoOrder(String id, List<Line> lines, List<Pack> packs) {
    public DemoOrder {
        Objects.requireNonNull(id, "id");
        lines = List.copyOf(lines);
        packs = List.copyOf(packs);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /**
     * @param product what to pack
     * @param quantity how many packs, 1..99
     * @param daysSupply how many days the packs must last the patient, 1..365
     */
    public record Line(Product product, int quantity, int daysSupply) {
        public Line {
            Objects.requireNonNull(product, "product");
            if (quantity < 1 || quantity > 99 || daysSupply < 1 || daysSupply > 365) {
                throw new IllegalArgumentException("quantity 1..99 and days' supply 1..365");
            }
        }
    }
}
