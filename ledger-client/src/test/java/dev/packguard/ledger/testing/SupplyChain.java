package dev.packguard.ledger.testing;

import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.pki.TestParty;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.DecommissionReason;
import dev.packguard.ledger.statement.Decommissioning;
import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.DispenseUndo;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.Recall;
import dev.packguard.ledger.statement.RecallScope;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.RevocationReason;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.SuspectReport;
import dev.packguard.ledger.statement.Suspicion;
import dev.packguard.ledger.statement.UnitCommitment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes supply-chain stories as signed log entries, for rule tests here and in other modules
 * (exported in the test-jar): the {@link TestConsortium}'s CA, manufacturer, wholesaler, pharmacy
 * A (the station's own pharmacy) and pharmacy B; units commissioned, shipped, received,
 * dispensed; recalls, thefts, destruction, suspect reports, undo, key revocation. Log indices
 * 0–3 hold the four registrations; every method returns the index of the entry it appended.
 * Statement times start at {@link #START} and advance one minute per entry unless set with
 * {@link #at}. Everything is deterministic: the same story gives the same bytes.
 *
 * <pre>
 * SupplyChain chain = SupplyChain.create();
 * chain.deliverToPharmacyA(LOT, EXPIRY, "SN1", "SN2");   // commission, ship, receive, ship, receive
 * chain.dispense(chain.pharmacyA(), "SN2");
 * StationMirror mirror = StationMirror.sync(chain.entries(), dir, clock);
 * </pre>
 */
public final class SupplyChain {
    /** The first event time. */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00.000Z");

    private final TestConsortium consortium = TestConsortium.create();
    private final List<byte[]> entries = new ArrayList<>();
    private Instant time = START;
    private Gtin gtin = TestConsortium.GTIN;

    private SupplyChain() {
        consortium.registrations().forEach(this::add);
    }

    /** A log holding the four registrations. */
    public static SupplyChain create() {
        return new SupplyChain();
    }

    public TestConsortium consortium() {
        return consortium;
    }

    public TestParty manufacturer() {
        return consortium.manufacturer();
    }

    public TestParty wholesaler() {
        return consortium.wholesaler();
    }

    public TestParty pharmacyA() {
        return consortium.pharmacyA();
    }

    public TestParty pharmacyB() {
        return consortium.pharmacyB();
    }

    /** Later statements are about units of {@code gtin} (default {@link TestConsortium#GTIN}). */
    public SupplyChain gtin(Gtin gtin) {
        this.gtin = gtin;
        return this;
    }

    /** The next statement's eventTime; later ones follow one minute apart. */
    public SupplyChain at(Instant t) {
        this.time = t;
        return this;
    }

    /** The eventTime the next statement will get. */
    public Instant now() {
        return time;
    }

    /** The entries so far, in log order. */
    public List<byte[]> entries() {
        return List.copyOf(entries);
    }

    /** Appends any signed statement. */
    public long add(SignedStatement entry) {
        return addRaw(entry.encode());
    }

    /** Appends raw entry bytes (a forgery, garbage). */
    public long addRaw(byte[] entry) {
        entries.add(entry.clone());
        return entries.size() - 1;
    }

    /** Signs {@code statement} with {@code signer}'s key and appends it. */
    public long add(TestParty signer, Statement statement) {
        return add(signer.sign(statement));
    }

    private Instant next() {
        Instant t = time;
        time = time.plus(Duration.ofMinutes(1));
        return t;
    }

    /** Commitments of the current GTIN's {@code serials}. */
    public List<UnitCommitment> units(String... serials) {
        return Arrays.stream(serials).map(s -> UnitCommitment.of(gtin, s)).toList();
    }

    /** The manufacturer commissions {@code serials} in {@code lot} at its plant. */
    public long commission(Lot lot, LocalDate expiry, String... serials) {
        return commission(manufacturer(), lot, expiry, serials);
    }

    /** {@code by} commissions {@code serials} of the current GTIN at its site (a wrong manufacturer, when it does not own the GTIN). */
    public long commission(TestParty by, Lot lot, LocalDate expiry, String... serials) {
        return add(by, new Commissioning(by.partyId(), next(), by.site(), gtin, lot, expiry, units(serials)));
    }

    /** {@code from} ships {@code serials} from its site to {@code to}'s site. */
    public long ship(TestParty from, TestParty to, String... serials) {
        return add(from, new Shipping(from.partyId(), next(), from.site(), to.site(), units(serials)));
    }

    /** {@code to} receives {@code serials} at its site from {@code from}'s site. */
    public long receive(TestParty from, TestParty to, String... serials) {
        return add(to, new Receiving(to.partyId(), next(), from.site(), to.site(), units(serials)));
    }

    /** Ship and receive. */
    public long move(TestParty from, TestParty to, String... serials) {
        ship(from, to, serials);
        return receive(from, to, serials);
    }

    /** Commission, then manufacturer → wholesaler → {@code pharmacy}; returns the last receipt's index. */
    public long deliver(TestParty pharmacy, Lot lot, LocalDate expiry, String... serials) {
        commission(lot, expiry, serials);
        move(manufacturer(), wholesaler(), serials);
        return move(wholesaler(), pharmacy, serials);
    }

    /** {@link #deliver} to pharmacy A, the station's own pharmacy. */
    public long deliverToPharmacyA(Lot lot, LocalDate expiry, String... serials) {
        return deliver(pharmacyA(), lot, expiry, serials);
    }

    /** {@code pharmacy} dispenses {@code serials} at its site. */
    public long dispense(TestParty pharmacy, String... serials) {
        return add(pharmacy, new Dispensing(pharmacy.partyId(), next(), pharmacy.site(), units(serials)));
    }

    /** {@code pharmacy} undoes the dispense at {@code dispenseIndex}. */
    public long undo(TestParty pharmacy, long dispenseIndex, String... serials) {
        return add(pharmacy, new DispenseUndo(pharmacy.partyId(), next(), pharmacy.site(), dispenseIndex, units(serials)));
    }

    /** {@code pharmacy} takes {@code serials} back into its stock (a patient return). */
    public long returnToStock(TestParty pharmacy, String... serials) {
        return add(pharmacy, new DispenseReturn(pharmacy.partyId(), next(), pharmacy.site(), units(serials)));
    }

    /** The manufacturer recalls a whole lot of the current GTIN. */
    public long recallLot(Lot lot) {
        return add(manufacturer(), new Recall(manufacturer().partyId(), next(), new RecallScope.ByLot(gtin, lot)));
    }

    /** {@code by} recalls individual units. */
    public long recallUnits(TestParty by, String... serials) {
        return add(by, new Recall(by.partyId(), next(), new RecallScope.ByUnits(units(serials))));
    }

    /** {@code by} decommissions units at its site. */
    public long decommission(TestParty by, DecommissionReason reason, String... serials) {
        return add(by, new Decommissioning(by.partyId(), next(), by.site(), reason, units(serials)));
    }

    /** {@code by} reports units suspect. */
    public long reportSuspect(TestParty by, Suspicion suspicion, String... serials) {
        return add(by, new SuspectReport(by.partyId(), next(), by.site(), suspicion, units(serials)));
    }

    /** The consortium root revokes {@code party}'s key from {@code effective} on. */
    public long revoke(TestParty party, Instant effective) {
        KeyRevocation r = new KeyRevocation(party.partyId(), next(), party.key().keyId(), effective, RevocationReason.KEY_COMPROMISE);
        return add(consortium.ca().key().sign(r));
    }
}
