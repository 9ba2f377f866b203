package dev.packguard.node.demo;

import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.UnitCommitment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A scenario unit whose serial the generator remembers, with the log indices of its events. */
final class DemoUnit {
    final Product product;
    final String serial;
    final Lot lot;
    final LocalDate expiry;
    final UnitCommitment commitment;
    final List<Long> entries = new ArrayList<>();

    DemoUnit(Product product, String serial, Lot lot, LocalDate expiry) {
        this.product = product;
        this.serial = serial;
        this.lot = lot;
        this.expiry = expiry;
        this.commitment = UnitCommitment.of(product.gtin(), serial);
    }

    /** The pack exactly as commissioned. */
    Pack pack() {
        return new Pack(product, serial, lot, expiry);
    }

    static List<UnitCommitment> commitments(List<DemoUnit> units) {
        return units.stream().map(u -> u.commitment).toList();
    }

    static void record(List<DemoUnit> units, long index) {
        units.forEach(u -> u.entries.add(index));
    }
}
