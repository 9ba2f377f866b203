package dev.packguard.node.demo;

import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.UnitCommitment;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bulk of the demo world: lots of 200 to 1,000 units, each commissioned by its manufacturer,
 * shipped as a pallet to a wholesaler, split into cases of 10 to 60 that go to the demo pharmacy
 * (70 %), the other pharmacy (20 %) or stay in the warehouse (10 %); each pharmacy dispenses
 * about 30 % of what it received, one to three packs per order. Serials are never stored: only
 * one lot's units are in memory at a time.
 */
final class BulkStock {
    private final Chain chain;
    private final DemoConsortium c;
    private final SplittableRandom random;

    BulkStock(Chain chain, DemoConsortium consortium, SplittableRandom random) {
        this.chain = chain;
        this.c = consortium;
        this.random = random;
    }

    /** Writes lots until {@code total} units are commissioned. */
    void write(long total) throws IOException {
        List<Product> products = c.products();
        DemoParty pharmacy = c.party(DemoConsortium.PHARMACY);
        DemoParty other = c.party(DemoConsortium.OTHER_PHARMACY);
        long done = 0;
        for (int lotIndex = 1; done < total; lotIndex++) {
            int size = (int) Math.min(total - done, 200 + random.nextInt(801));
            done += size;
            Product p = products.get(random.nextInt(products.size()));
            DemoParty maker = c.party(p.manufacturer());
            DemoParty wholesaler = c.party(random.nextInt(4) == 0 ? DemoConsortium.ALPEN : DemoConsortium.HANSE);
            int made = 40 + random.nextInt(260);
            LocalDate madeOn = chain.today().minusDays(made);
            Lot lot = new Lot(String.format("%02d%c%05d", madeOn.getYear() % 100, (char) ('A' + products.indexOf(p)), lotIndex));
            List<UnitCommitment> units = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                units.add(UnitCommitment.of(p.gtin(), DemoIds.serial(random, 12)));
            }
            chain.commission(maker, chain.at(made, random.nextInt(600)), p.gtin(), lot, madeOn.plusMonths(p.shelfLifeMonths()), units);
            chain.ship(maker, wholesaler, chain.at(made - 1, random.nextInt(600)), units);
            chain.receive(maker, wholesaler, chain.at(made - 2, random.nextInt(600)), units);
            // Units were generated in random order, so consecutive cases are random subsets of the pallet.
            for (int from = 0; from < size;) {
                int to = Math.min(size, from + 10 + random.nextInt(51));
                List<UnitCommitment> box = units.subList(from, to);
                from = to;
                int roll = random.nextInt(10);
                if (roll == 9) {
                    continue;
                }
                DemoParty dest = roll < 7 ? pharmacy : other;
                int shipped = made - 4 - random.nextInt(16);
                chain.ship(wholesaler, dest, chain.at(shipped, random.nextInt(600)), box);
                chain.receive(wholesaler, dest, chain.at(shipped - 1, random.nextInt(600)), box);
                dispenseSome(dest, box, shipped - 2);
            }
        }
    }

    private void dispenseSome(DemoParty pharmacy, List<UnitCommitment> box, int latestDaysAgo) throws IOException {
        List<UnitCommitment> order = new ArrayList<>(3);
        int want = 1 + random.nextInt(3);
        for (UnitCommitment u : box) {
            if (random.nextInt(10) >= 3) {
                continue;
            }
            order.add(u);
            if (order.size() == want) {
                chain.dispense(pharmacy, chain.at(1 + random.nextInt(latestDaysAgo), random.nextInt(600)), order);
                order = new ArrayList<>(3);
                want = 1 + random.nextInt(3);
            }
        }
        if (!order.isEmpty()) {
            chain.dispense(pharmacy, chain.at(1 + random.nextInt(latestDaysAgo), random.nextInt(600)), order);
        }
    }
}
