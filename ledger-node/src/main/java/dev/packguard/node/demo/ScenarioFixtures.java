package dev.packguard.node.demo;

import dev.packguard.ledger.statement.DecommissionReason;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.Recall;
import dev.packguard.ledger.statement.RecallScope;
import dev.packguard.ledger.statement.RevocationReason;
import dev.packguard.ledger.statement.SuspectReport;
import dev.packguard.ledger.statement.Suspicion;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The hand-made part of the demo world: units whose serials are remembered, each with a story
 * that makes the station answer in one particular way, and the units that fill the demo orders.
 * Written into the log right after the registrations, before the bulk stock.
 */
final class ScenarioFixtures {
    /** Units in each product's stock lot at the demo pharmacy. */
    static final int STOCK_PER_PRODUCT = 14;

    private final Chain chain;
    private final DemoConsortium c;
    private final SplittableRandom random;
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<DemoOrder> orders = new ArrayList<>();
    private int units;
    private int lots;

    ScenarioFixtures(Chain chain, DemoConsortium consortium, SplittableRandom random) {
        this.chain = chain;
        this.c = consortium;
        this.random = random;
    }

    List<Scenario> scenarios() {
        return List.copyOf(scenarios);
    }

    List<DemoOrder> orders() {
        return List.copyOf(orders);
    }

    /** The number of units commissioned here. */
    int units() {
        return units;
    }

    void write() throws IOException {
        DemoParty pharmacy = c.party(DemoConsortium.PHARMACY);
        DemoParty other = c.party(DemoConsortium.OTHER_PHARMACY);
        DemoParty hanse = c.party(DemoConsortium.HANSE);
        DemoParty alpen = c.party(DemoConsortium.ALPEN);

        // Stock: one lot of every product, made 120 days ago, now on the demo pharmacy's shelves.
        Map<String, List<DemoUnit>> stock = new LinkedHashMap<>();
        for (Product p : c.products()) {
            List<DemoUnit> lot = lot(p, 120, shelfLifeExpiry(p, 120), STOCK_PER_PRODUCT);
            path(lot, hanse, pharmacy, 120);
            stock.put(p.id(), lot);
            pass("genuine-" + p.id(), "Genuine " + p.description(), "Made by " + c.party(p.manufacturer()).name()
                    + ", shipped via " + hanse.name() + " and received by this pharmacy; nothing else happened to it.",
                    lot.get(0));
        }
        orders.add(order("DEMO-0001", stock, new Object[][] {{"ibu400", 2, 25}, {"atorva20", 1, 90}, {"amox1000", 1, 6}}));
        orders.add(order("DEMO-0002", stock, new Object[][] {{"omep20", 2, 56}, {"metf1000", 1, 90}, {"panto40", 1, 100}}));
        orders.add(order("DEMO-0003", stock, new Object[][] {{"ibu400", 1, 10}, {"amox1000", 2, 12}, {"panto40", 1, 100}}));

        List<DemoUnit> amox = stock.get("amox1000");
        DemoUnit cloned = amox.get(10);
        record(List.of(cloned), chain.dispense(pharmacy, chain.at(10, random.nextInt(600)), List.of(cloned.commitment)));
        fail("cloned-already-dispensed", "Clone of a pack dispensed 10 days ago",
                "This serial was dispensed by this pharmacy 10 days ago; a second pack with the same code is a clone.",
                "pack", cloned.pack(), "ALREADY_DISPENSED", cloned);
        DemoUnit returned = amox.get(11);
        record(List.of(returned), chain.dispense(pharmacy, chain.at(3, random.nextInt(600)), List.of(returned.commitment)));
        add("return-accepted", "Saleable return, dispensed here 3 days ago",
                "Dispensed by this pharmacy 3 days ago and sent back unopened: inside the return window.",
                "return", returned.pack(), "PASS", List.of(), returned);
        DemoUnit late = amox.get(12);
        record(List.of(late), chain.dispense(pharmacy, chain.at(45, random.nextInt(600)), List.of(late.commitment)));
        fail("return-too-late", "Return 45 days after dispensing",
                "Dispensed by this pharmacy 45 days ago; the return window is 30 days.",
                "return", late.pack(), "RETURN_WINDOW_EXCEEDED", late);

        DemoUnit stolen = stock.get("ibu400").get(10);
        record(List.of(stolen), chain.decommission(pharmacy, chain.at(8, 30), DecommissionReason.STOLEN, List.of(stolen.commitment)));
        fail("stolen", "A pack reported stolen", "Reported stolen from this pharmacy's stock 8 days ago; stolen is terminal.",
                "pack", stolen.pack(), "STOLEN", stolen);
        DemoUnit destroyed = stock.get("metf1000").get(10);
        record(List.of(destroyed), chain.decommission(pharmacy, chain.at(6, 90), DecommissionReason.DESTROYED,
                List.of(destroyed.commitment)));
        fail("destroyed", "A pack recorded as destroyed", "Crushed in the warehouse and recorded as destroyed 6 days ago.",
                "pack", destroyed.pack(), "DESTROYED", destroyed);
        DemoUnit suspect = stock.get("omep20").get(10);
        record(List.of(suspect), chain.log().add(pharmacy.key(), new SuspectReport(pharmacy.partyId(),
                chain.at(2, 200), pharmacy.site(), Suspicion.ADULTERATED, List.of(suspect.commitment))));
        fail("suspect", "A pack reported suspect", "A colleague found a broken seal 2 days ago and filed a suspect-product report.",
                "pack", suspect.pack(), "SUSPECT", suspect);

        List<DemoUnit> ibu = stock.get("ibu400");
        List<DemoUnit> ibuOld = lot(c.product("ibu400"), 200, shelfLifeExpiry(c.product("ibu400"), 200), 3);
        path(ibuOld, hanse, pharmacy, 200);
        DemoUnit mixed = ibu.get(11);
        fail("batch-mismatch", "Serial printed with another batch's number",
                "The serial is genuine but was commissioned in batch " + mixed.lot.value() + "; the pack says batch "
                        + ibuOld.get(0).lot.value() + " (a counterfeit indicator).",
                "pack", new Pack(mixed.product, mixed.serial, ibuOld.get(0).lot, mixed.expiry), "BATCH_MISMATCH", mixed);
        DemoUnit wrongDate = stock.get("atorva20").get(10);
        fail("expiry-mismatch", "Expiry date altered",
                "Genuine serial and batch, but the printed expiry is a month later than commissioned.",
                "pack", new Pack(wrongDate.product, wrongDate.serial, wrongDate.lot, wrongDate.expiry.plusMonths(1)),
                "EXPIRY_MISMATCH", wrongDate);
        Pack counterfeit = new Pack(ibu.get(0).product, DemoIds.serial(random, 12), ibu.get(0).lot, ibu.get(0).expiry);
        add("counterfeit-unknown-serial", "Counterfeit: serial never commissioned",
                "Real product, real batch and expiry, but no manufacturer ever commissioned this serial.",
                "pack", counterfeit, "FAIL", List.of("UNKNOWN_SERIAL"));
        Product omep = c.product("omep20");
        DemoUnit relabelled = stock.get("omep20").get(11);
        fail("counterfeit-unknown-batch", "Batch number never made",
                "The serial is genuine, but the pack claims a batch this product was never made in.",
                "pack", new Pack(omep, relabelled.serial, new Lot("ZX" + (chain.today().getYear() % 100) + "917"),
                        relabelled.expiry), "UNKNOWN_BATCH", relabelled);

        // Diverted: received by the other pharmacy, then turned up here.
        List<DemoUnit> diverted = lot(c.product("atorva20"), 150, shelfLifeExpiry(c.product("atorva20"), 150), 3);
        path(diverted, alpen, other, 150);
        fail("diverted", "Diverted: received by another pharmacy",
                "Delivered to " + other.name() + " 129 days ago; it was never shipped to this pharmacy.",
                "pack", diverted.get(0).pack(), "NOT_IN_OUR_CUSTODY", diverted.get(0));
        record(List.of(diverted.get(1)), chain.dispense(other, chain.at(5, 60), List.of(diverted.get(1).commitment)));
        fail("return-not-dispensed-here", "Return of a pack another pharmacy dispensed",
                "Dispensed by " + other.name() + " 5 days ago; only the dispensing pharmacy may take it back.",
                "return", diverted.get(1).pack(), "NOT_DISPENSED_HERE", diverted.get(1));

        List<DemoUnit> warehouse = lot(c.product("panto40"), 90, shelfLifeExpiry(c.product("panto40"), 90), 2);
        DemoParty panto = c.party(DemoConsortium.RHEINTAL);
        record(warehouse, chain.commission(panto, chain.at(90, 10), warehouse.get(0).product.gtin(), warehouse.get(0).lot,
                warehouse.get(0).expiry, DemoUnit.commitments(warehouse)));
        record(warehouse, chain.ship(panto, hanse, chain.at(89, 20), DemoUnit.commitments(warehouse)));
        record(warehouse, chain.receive(panto, hanse, chain.at(88, 30), DemoUnit.commitments(warehouse)));
        fail("still-at-wholesaler", "A pack that never left the wholesaler",
                "Its last recorded place is " + hanse.name() + "'s warehouse; this pharmacy never received it.",
                "pack", warehouse.get(0).pack(), "NOT_IN_OUR_CUSTODY", warehouse.get(0));

        List<DemoUnit> gap = lot(c.product("metf1000"), 100, shelfLifeExpiry(c.product("metf1000"), 100), 2);
        DemoParty rheintal = c.party(DemoConsortium.RHEINTAL);
        record(gap, chain.commission(rheintal, chain.at(100, 0), gap.get(0).product.gtin(), gap.get(0).lot,
                gap.get(0).expiry, DemoUnit.commitments(gap)));
        record(gap, chain.ship(rheintal, hanse, chain.at(99, 0), DemoUnit.commitments(gap)));
        record(gap, chain.receive(rheintal, hanse, chain.at(98, 0), DemoUnit.commitments(gap)));
        record(gap, chain.receive(hanse, pharmacy, chain.at(60, 0), DemoUnit.commitments(gap)));
        fail("custody-gap", "Received without a shipment",
                "This pharmacy recorded receiving it from " + hanse.name() + ", but the wholesaler never shipped it here.",
                "pack", gap.get(0).pack(), "CUSTODY_GAP", gap.get(0));

        List<DemoUnit> recalled = lot(omep, 110, shelfLifeExpiry(omep, 110), 3);
        path(recalled, hanse, pharmacy, 110);
        DemoParty noordzee = c.party(DemoConsortium.NOORDZEE);
        record(recalled, chain.log().add(noordzee.key(), new Recall(noordzee.partyId(), chain.at(4, 120),
                new RecallScope.ByLot(omep.gtin(), recalled.get(0).lot))));
        fail("recalled-lot", "Batch recalled by the manufacturer",
                noordzee.name() + " recalled batch " + recalled.get(0).lot.value() + " 4 days ago.",
                "pack", recalled.get(0).pack(), "RECALLED", recalled.get(0));

        Product metf = c.product("metf1000");
        List<DemoUnit> expired = lot(metf, 750, chain.today().minusDays(20), 2);
        path(expired, hanse, pharmacy, 750);
        fail("expired", "Expired 20 days ago", "Batch " + expired.get(0).lot.value() + " expired on "
                + expired.get(0).expiry + ".", "pack", expired.get(0).pack(), "EXPIRED", expired.get(0));
        Product atorva = c.product("atorva20");
        List<DemoUnit> near = lot(atorva, 700, chain.today().plusDays(20), 2);
        path(near, hanse, pharmacy, 700);
        fail("near-expiry", "Expires in 20 days", "Expires on " + near.get(0).expiry
                + ", before the minimum shelf life of 28 days (plus the order's days' supply).",
                "pack", near.get(0).pack(), "SHELF_LIFE_TOO_SHORT", near.get(0));

        // Commissioned by a manufacturer that does not own the GTIN's company prefix.
        List<DemoUnit> wrong = lot(metf, 60, shelfLifeExpiry(metf, 60), 2);
        path(wrong, c.party(DemoConsortium.LOMBARDI), hanse, pharmacy, 60);
        fail("wrong-manufacturer", "Commissioned by the wrong manufacturer",
                c.party(DemoConsortium.LOMBARDI).name() + " commissioned this " + rheintal.name()
                        + " GTIN; only the owner of the company prefix may.",
                "pack", wrong.get(0).pack(), "WRONG_MANUFACTURER", wrong.get(0));

        Product amoxP = c.product("amox1000");
        List<DemoUnit> badSig = lot(amoxP, 80, shelfLifeExpiry(amoxP, 80), 2);
        chainTo(badSig, c.party(DemoConsortium.LOMBARDI), hanse, 80);
        record(badSig, chain.log().addWithBrokenSignature(hanse.key(),
                Chain.shipping(hanse, pharmacy, chain.at(70, 0), DemoUnit.commitments(badSig))));
        record(badSig, chain.receive(hanse, pharmacy, chain.at(69, 0), DemoUnit.commitments(badSig)));
        fail("bad-signature", "A shipment whose signature does not verify",
                "The wholesaler's shipping statement for this pack was altered after signing, so it does not count:"
                        + " the pack's receipt here follows no valid shipment.",
                "pack", badSig.get(0).pack(), List.of("BAD_SIGNATURE", "CUSTODY_GAP"), badSig.get(0));

        List<DemoUnit> rogue = lot(omep, 70, shelfLifeExpiry(omep, 70), 2);
        chainTo(rogue, noordzee, hanse, 70);
        record(rogue, chain.shipSignedBy(c.uncertifiedKey(), hanse, pharmacy, chain.at(60, 0), DemoUnit.commitments(rogue)));
        record(rogue, chain.receive(hanse, pharmacy, chain.at(59, 0), DemoUnit.commitments(rogue)));
        fail("uncertified-signer", "A shipment signed by an uncertified key",
                "The shipment to this pharmacy claims to come from " + hanse.name()
                        + " but is signed by a key the consortium never certified; without it, the receipt here follows no valid shipment.",
                "pack", rogue.get(0).pack(), List.of("UNCERTIFIED_SIGNER", "CUSTODY_GAP"), rogue.get(0));

        Product pantoP = c.product("panto40");
        List<DemoUnit> revoked = lot(pantoP, 90, shelfLifeExpiry(pantoP, 90), 2);
        chainTo(revoked, rheintal, alpen, 90);
        DemoParty terminal = c.alpenTerminal();
        record(revoked, chain.shipSignedBy(terminal.key(), alpen, pharmacy, chain.at(25, 0), DemoUnit.commitments(revoked)));
        record(revoked, chain.receive(alpen, pharmacy, chain.at(24, 0), DemoUnit.commitments(revoked)));
        Instant effective = chain.at(30, 0);
        record(revoked, chain.log().add(alpen.key(), new KeyRevocation(alpen.partyId(), chain.at(20, 0),
                terminal.certificate().keyId(), effective, RevocationReason.KEY_COMPROMISE)));
        fail("revoked-signer", "A shipment signed with a compromised key",
                alpen.name() + " revoked its scanner terminal's key 20 days ago, effective from " + effective
                        + "; this shipment was signed with it after that, so it does not count and the receipt here follows no valid shipment.",
                "pack", revoked.get(0).pack(), List.of("REVOKED_SIGNER", "CUSTODY_GAP"), revoked.get(0));
    }

    /** {@code n} new units of one new lot, commissioned {@code daysAgo} days ago (the commissioning is written by the caller). */
    private List<DemoUnit> lot(Product p, int daysAgo, LocalDate expiry, int n) {
        Lot lot = new Lot(String.format("%02dS%03d", chain.today().minusDays(daysAgo).getYear() % 100, ++lots));
        List<DemoUnit> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new DemoUnit(p, DemoIds.serial(random, 12), lot, expiry));
        }
        units += n;
        return list;
    }

    private LocalDate shelfLifeExpiry(Product p, int madeDaysAgo) {
        return chain.today().minusDays(madeDaysAgo).plusMonths(p.shelfLifeMonths());
    }

    /** Commissioned by the product's manufacturer, then via {@code wholesaler} to {@code pharmacy}. */
    private void path(List<DemoUnit> units, DemoParty wholesaler, DemoParty pharmacy, int madeDaysAgo) throws IOException {
        path(units, c.party(units.get(0).product.manufacturer()), wholesaler, pharmacy, madeDaysAgo);
    }

    private void path(List<DemoUnit> units, DemoParty maker, DemoParty wholesaler, DemoParty pharmacy, int madeDaysAgo)
            throws IOException {
        chainTo(units, maker, wholesaler, madeDaysAgo);
        record(units, chain.ship(wholesaler, pharmacy, chain.at(madeDaysAgo - 10, 100), DemoUnit.commitments(units)));
        record(units, chain.receive(wholesaler, pharmacy, chain.at(madeDaysAgo - 11, 100), DemoUnit.commitments(units)));
    }

    /** Commissioned by {@code maker}, shipped to and received by {@code wholesaler}. */
    private void chainTo(List<DemoUnit> units, DemoParty maker, DemoParty wholesaler, int madeDaysAgo) throws IOException {
        DemoUnit first = units.get(0);
        record(units, chain.commission(maker, chain.at(madeDaysAgo, 0), first.product.gtin(), first.lot, first.expiry,
                DemoUnit.commitments(units)));
        record(units, chain.ship(maker, wholesaler, chain.at(madeDaysAgo - 1, 60), DemoUnit.commitments(units)));
        record(units, chain.receive(maker, wholesaler, chain.at(madeDaysAgo - 2, 60), DemoUnit.commitments(units)));
    }

    private static void record(List<DemoUnit> units, long index) {
        DemoUnit.record(units, index);
    }

    private void pass(String id, String title, String story, DemoUnit unit) {
        add(id, title, story, "pack", unit.pack(), "PASS", List.of(), unit);
    }

    private void fail(String id, String title, String story, String mode, Pack pack, String reason, DemoUnit unit) {
        add(id, title, story, mode, pack, "FAIL", List.of(reason), unit);
    }

    /** A failure with several reasons, in rule order: an event that does not count also breaks the custody chain. */
    private void fail(String id, String title, String story, String mode, Pack pack, List<String> reasons, DemoUnit unit) {
        add(id, title, story, mode, pack, "FAIL", reasons, unit);
    }

    private void add(String id, String title, String story, String mode, Pack pack, String verdict, List<String> reasons,
            DemoUnit unit) {
        scenarios.add(new Scenario(id, title, story, mode, pack, verdict, reasons, unit.entries));
    }

    private void add(String id, String title, String story, String mode, Pack pack, String verdict, List<String> reasons) {
        scenarios.add(new Scenario(id, title, story, mode, pack, verdict, reasons, List.of()));
    }

    /** An order filled from the next unused stock units (units 1..9 of each stock lot are kept for orders). */
    private final Map<String, Integer> nextStock = new HashMap<>();

    private DemoOrder order(String id, Map<String, List<DemoUnit>> stock, Object[][] lines) {
        List<DemoOrder.Line> l = new ArrayList<>();
        List<Pack> packs = new ArrayList<>();
        for (Object[] line : lines) {
            String product = (String) line[0];
            int qty = (Integer) line[1];
            l.add(new DemoOrder.Line(c.product(product), qty, (Integer) line[2]));
            for (int i = 0; i < qty; i++) {
                int next = nextStock.merge(product, 1, Integer::sum);
                if (next >= 10) {
                    throw new IllegalStateException("stock units 1..9 of " + product + " are used up by the orders");
                }
                DemoUnit unit = stock.get(product).get(next);
                packs.add(unit.pack());
                pass(id.toLowerCase(Locale.ROOT) + "-" + packs.size(), "For order " + id,
                        "In this pharmacy's stock; one of the packs that fill order " + id + ".", unit);
            }
        }
        return new DemoOrder(id, l, packs);
    }
}
