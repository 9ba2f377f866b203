package dev.packguard.ledger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.statement.DecommissionReason;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.KnownUnit;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.Suspicion;
import dev.packguard.ledger.testing.StationMirror;
import dev.packguard.ledger.testing.SupplyChain;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reason code of rules 3–8 from a scenario that produces it, next to a near miss that must
 * not, against one real mirror: the story below is signed, published as a tlog-tiles log, served
 * on 127.0.0.1 and synced with the statement index, as a station would.
 */
class VerificationRulesTest {
    static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    static final LocalDate EXPIRY = LocalDate.of(2028, 6, 30);
    static final Lot L1 = new Lot("L1"), L2 = new Lot("L2"), SHORT = new Lot("SHORT"), OLD = new Lot("OLD"),
            TODAY_LOT = new Lot("TODAYLOT"), DD00 = new Lot("DD00"), MID = new Lot("MID");
    static final Gtin FOREIGN_GTIN = new Gtin("04098765000102");
    static final Instant REVOKED_FROM = Instant.parse("2026-04-01T09:00:00.000Z");

    @TempDir
    static Path dir;
    static MirrorStore store;
    static UnitVerifier verifier;
    static SupplyChain chain;
    static long garbageIndex;

    @BeforeAll
    static void writeAndSyncTheStory() throws Exception {
        chain = SupplyChain.create();
        var a = chain.pharmacyA();
        var b = chain.pharmacyB();
        chain.deliverToPharmacyA(L1, EXPIRY, "OK1", "OK2", "DISP", "UNDONE", "LATEUNDO", "BUNDO", "RETOLD", "RAD",
                "STOLEN1", "DESTR1", "SAMPLE1", "SUSP1", "FORGED", "INTRUDED", "BADRECALL", "RETURNED", "BRETURN", "LATERET");
        chain.deliver(b, L1, EXPIRY, "DIVERTED", "DISPB");
        chain.deliverToPharmacyA(L2, EXPIRY, "R1");
        chain.recallLot(L2);
        chain.deliverToPharmacyA(SHORT, TODAY.plusDays(27), "S27");
        chain.deliverToPharmacyA(MID, TODAY.plusDays(28), "S28");
        chain.deliverToPharmacyA(OLD, TODAY.minusDays(1), "EXP1");
        chain.deliverToPharmacyA(TODAY_LOT, TODAY, "EXP0");
        chain.deliverToPharmacyA(DD00, LocalDate.of(2028, 2, 29), "D00");
        chain.deliverToPharmacyA(new Lot("MID15"), LocalDate.of(2028, 2, 15), "D15");

        chain.commission(L1, EXPIRY, "GAP1", "INTRANSIT", "ATWH");
        chain.ship(chain.manufacturer(), chain.wholesaler(), "GAP1", "INTRANSIT", "ATWH");
        chain.receive(chain.manufacturer(), chain.wholesaler(), "INTRANSIT", "ATWH");
        chain.move(chain.wholesaler(), a, "GAP1");               // the wholesaler never received GAP1
        chain.ship(chain.wholesaler(), a, "INTRANSIT");          // shipped to us, never received

        chain.gtin(FOREIGN_GTIN).deliverToPharmacyA(L1, EXPIRY, "FOREIGN1");
        chain.gtin(TestConsortium.GTIN);

        chain.at(NOW.minus(Duration.ofDays(5)));
        chain.dispense(a, "DISP");
        chain.undo(a, chain.dispense(a, "UNDONE"), "UNDONE");
        long late = chain.dispense(a, "LATEUNDO");
        Instant resume = chain.now();
        chain.at(resume.plus(Duration.ofDays(11))).undo(a, late, "LATEUNDO");
        chain.at(resume).undo(b, chain.dispense(a, "BUNDO"), "BUNDO");
        chain.dispense(b, "DISPB");
        chain.at(NOW.minus(Duration.ofDays(31))).dispense(a, "RETOLD");
        chain.at(NOW.minus(Duration.ofDays(3)));
        chain.dispense(a, "RETURNED");
        chain.returnToStock(a, "RETURNED");
        chain.dispense(a, "BRETURN");
        chain.returnToStock(b, "BRETURN");                       // another pharmacy cannot take it back
        chain.at(NOW.minus(Duration.ofDays(45))).dispense(a, "LATERET");
        chain.at(NOW.minus(Duration.ofDays(2))).returnToStock(a, "LATERET"); // 43 days after: outside the window
        chain.at(resume.plus(Duration.ofMinutes(30)));
        chain.dispense(a, "RAD");
        chain.recallUnits(chain.manufacturer(), "RAD");
        chain.decommission(a, DecommissionReason.STOLEN, "STOLEN1");
        chain.decommission(chain.wholesaler(), DecommissionReason.DESTROYED, "DESTR1");
        chain.decommission(a, DecommissionReason.SAMPLE, "SAMPLE1");
        chain.reportSuspect(chain.wholesaler(), Suspicion.COUNTERFEIT, "SUSP1");
        chain.recallUnits(b, "BADRECALL");                       // a pharmacy may not recall: uncertified for it

        // A dispense of FORGED carrying the signature of another statement: signature over other bytes.
        SignedStatement genuine = a.sign(new Dispensing(a.partyId(), chain.now(), a.site(), chain.units("OK2")));
        chain.add(new SignedStatement(new Dispensing(a.partyId(), chain.now(), a.site(), chain.units("FORGED")), genuine.signature()));
        // A dispense of INTRUDED for pharmacy A signed by a key nobody certified.
        SigningKey intruder = SigningKey.ed25519FromSeed(TestConsortium.seed("intruder"));
        chain.add(intruder.sign(new Dispensing(a.partyId(), chain.now(), a.site(), chain.units("INTRUDED"))));
        // A commissioning of FCOMM whose signature belongs to another commissioning.
        long fcomm = chain.commission(L1, EXPIRY, "FCOMM");
        garbageIndex = chain.addRaw("{\"not\":\"a statement\"}".getBytes());

        chain.at(REVOKED_FROM.minus(Duration.ofMinutes(5))).revoke(chain.wholesaler(), REVOKED_FROM);
        chain.at(REVOKED_FROM.plus(Duration.ofMinutes(1))).deliverToPharmacyA(L1, EXPIRY, "REV1");

        List<byte[]> entries = new java.util.ArrayList<>(chain.entries());
        byte[] other = entries.get((int) fcomm);
        entries.set((int) fcomm, forgeCommissioning(other));
        store = StationMirror.sync(entries, dir, Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC));
        verifier = new UnitVerifier(store, chain.consortium().root());
    }

    /** The FCOMM commissioning with its signature swapped for the first commissioning's (log index 4). */
    private static byte[] forgeCommissioning(byte[] entry) {
        var fcomm = ((dev.packguard.ledger.statement.EntryDecoding.Decoded) dev.packguard.ledger.statement.EntryDecoder.decode(entry)).entry();
        var first = ((dev.packguard.ledger.statement.EntryDecoding.Decoded) dev.packguard.ledger.statement.EntryDecoder
                .decode(chain.entries().get(4))).entry();
        return new SignedStatement(fcomm.statement(), first.signature()).encode();
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    static StationContext ctx(Instant now) {
        return new StationContext(chain.pharmacyA().partyId(), now, ZoneOffset.UTC, StationContext.Policies.defaults());
    }

    static Verdict verify(String serial, Lot lot, LocalDate expiry, Mode mode) throws Exception {
        return verifier.verify(new UnitScan(TestConsortium.GTIN, serial, lot, expiry, false), mode, ctx(NOW), Optional.empty());
    }

    static List<ReasonCode> codes(Verdict v) {
        return v.reasons().stream().map(Reason::code).toList();
    }

    @ParameterizedTest(name = "{0} lot {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            OK1       | L1    | 2028-06-30 | PACK   | PASS
            NEVER     | L1    | 2028-06-30 | PACK   | UNKNOWN_SERIAL
            OK1       | L2    | 2028-06-30 | PACK   | BATCH_MISMATCH
            OK1       | NOLOT | 2028-06-30 | PACK   | UNKNOWN_BATCH
            OK1       | L1    | 2028-07-01 | PACK   | EXPIRY_MISMATCH
            FORGED    | L1    | 2028-06-30 | PACK   | BAD_SIGNATURE
            FCOMM     | L1    | 2028-06-30 | PACK   | BAD_SIGNATURE
            INTRUDED  | L1    | 2028-06-30 | PACK   | UNCERTIFIED_SIGNER
            BADRECALL | L1    | 2028-06-30 | PACK   | UNCERTIFIED_SIGNER
            REV1      | L1    | 2028-06-30 | PACK   | REVOKED_SIGNER CUSTODY_GAP
            GAP1      | L1    | 2028-06-30 | PACK   | CUSTODY_GAP
            INTRANSIT | L1    | 2028-06-30 | PACK   | CUSTODY_GAP
            ATWH      | L1    | 2028-06-30 | PACK   | NOT_IN_OUR_CUSTODY
            DIVERTED  | L1    | 2028-06-30 | PACK   | NOT_IN_OUR_CUSTODY
            R1        | L2    | 2028-06-30 | PACK   | RECALLED
            RAD       | L1    | 2028-06-30 | RETURN | RECALLED
            RAD       | L1    | 2028-06-30 | PACK   | RECALLED ALREADY_DISPENSED
            STOLEN1   | L1    | 2028-06-30 | PACK   | STOLEN
            DESTR1    | L1    | 2028-06-30 | PACK   | DESTROYED
            SAMPLE1   | L1    | 2028-06-30 | PACK   | DECOMMISSIONED
            SUSP1     | L1    | 2028-06-30 | PACK   | SUSPECT
            DISP      | L1    | 2028-06-30 | PACK   | ALREADY_DISPENSED
            DISP      | L1    | 2028-06-30 | RETURN | PASS
            UNDONE    | L1    | 2028-06-30 | PACK   | PASS
            LATEUNDO  | L1    | 2028-06-30 | PACK   | ALREADY_DISPENSED
            BUNDO     | L1    | 2028-06-30 | PACK   | ALREADY_DISPENSED
            DISPB     | L1    | 2028-06-30 | RETURN | NOT_DISPENSED_HERE
            RETURNED  | L1    | 2028-06-30 | PACK   | PASS
            RETURNED  | L1    | 2028-06-30 | RETURN | NOT_DISPENSED
            BRETURN   | L1    | 2028-06-30 | PACK   | ALREADY_DISPENSED
            LATERET   | L1    | 2028-06-30 | PACK   | ALREADY_DISPENSED
            OK1       | L1    | 2028-06-30 | RETURN | NOT_DISPENSED
            RETOLD    | L1    | 2028-06-30 | RETURN | RETURN_WINDOW_EXCEEDED
            EXP1      | OLD   | 2026-03-31 | PACK   | EXPIRED
            S27       | SHORT | 2026-04-28 | PACK   | SHELF_LIFE_TOO_SHORT
            S28       | MID   | 2026-04-29 | PACK   | PASS
            D15       | MID15 | 2028-02-29 | PACK   | EXPIRY_MISMATCH
            """)
    void verify_producesExactlyTheExpectedReasons(String serial, String lot, LocalDate expiry, Mode mode, String expected)
            throws Exception {
        Verdict v = verify(serial, new Lot(lot), expiry, mode);
        if (expected.equals("PASS")) {
            assertThat(v).as(v.toString()).isInstanceOf(Verdict.Pass.class);
        } else {
            assertThat(v).isInstanceOf(Verdict.Fail.class);
            assertThat(codes(v)).containsExactlyInAnyOrderElementsOf(Arrays.stream(expected.split(" ")).map(ReasonCode::valueOf).toList());
        }
    }

    @Test
    void verify_returnWindowBoundary_thirtyDaysPassesAndThirtyOneFails() throws Exception {
        UnitScan retold = new UnitScan(TestConsortium.GTIN, "RETOLD", L1, EXPIRY, false);
        Verdict inside = verifier.verify(retold, Mode.RETURN, ctx(NOW.minus(Duration.ofDays(1))), Optional.empty());
        assertThat(inside).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void verify_expiringTodayIsStillUsable() throws Exception {
        StationContext noMinimum = new StationContext(chain.pharmacyA().partyId(), NOW, ZoneOffset.UTC,
                new StationContext.Policies(Duration.ofHours(4), Duration.ofHours(24), 0, 30, 10));
        Verdict v = verifier.verify(new UnitScan(TestConsortium.GTIN, "EXP0", TODAY_LOT, TODAY, false), Mode.PACK, noMinimum, Optional.empty());
        assertThat(v).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void verify_dayZeroExpiryMatchesTheMonthsLastDayAndIsFlagged() throws Exception {
        Verdict v = verifier.verify(new UnitScan(TestConsortium.GTIN, "D00", DD00, LocalDate.of(2028, 2, 29), true),
                Mode.PACK, ctx(NOW), Optional.empty());
        assertThat(v).isInstanceOf(Verdict.Pass.class);
        assertThat(v.warnings()).extracting(Reason::code).containsExactly(ReasonCode.EXPIRY_DAY_UNSPECIFIED);
    }

    @Test
    void verify_wrongManufacturer_forAGtinOutsideTheCommissionersPrefix() throws Exception {
        Verdict v = verifier.verify(new UnitScan(FOREIGN_GTIN, "FOREIGN1", L1, EXPIRY, false), Mode.PACK, ctx(NOW), Optional.empty());
        assertThat(codes(v)).containsExactly(ReasonCode.WRONG_MANUFACTURER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            on order, room left      | 04012345000108:2 | 0  |                | PASS
            not on order             | 04012345000207:1 | 0  |                | NOT_ON_ORDER
            line already full        | 04012345000108:1 | 0  | OK2            | QUANTITY_EXCEEDED
            same pack scanned twice  | 04012345000108:5 | 0  | OK1            | DUPLICATE_SCAN
            60 days' supply, far expiry | 04012345000108:1 | 60 |             | PASS
            """)
    void verify_orderRule(String name, String line, int daysSupply, String accepted, String expected) throws Exception {
        String[] l = line.split(":");
        List<KnownUnit> done = accepted == null ? List.of() : List.of(new KnownUnit(TestConsortium.GTIN, accepted));
        OrderContext order = new OrderContext(Map.of(new Gtin(l[0]), Integer.parseInt(l[1])), daysSupply, done);
        Verdict v = verifier.verify(new UnitScan(TestConsortium.GTIN, "OK1", L1, EXPIRY, false), Mode.PACK, ctx(NOW), Optional.of(order));
        assertThat(v.name().equals("PASS") ? "PASS" : codes(v).get(0).name()).isEqualTo(expected);
    }

    @Test
    void verify_daysSupplyAddsToTheMinimumShelfLife() throws Exception {
        OrderContext order = new OrderContext(Map.of(TestConsortium.GTIN, 1), 1, List.of());
        Verdict v = verifier.verify(new UnitScan(TestConsortium.GTIN, "S28", MID, TODAY.plusDays(28), false), Mode.PACK, ctx(NOW), Optional.of(order));
        assertThat(codes(v)).containsExactly(ReasonCode.SHELF_LIFE_TOO_SHORT);
    }

    @Test
    void verify_ledgerAge_warnsThenBlocks() throws Exception {
        Instant asOf = NOW.minus(Duration.ofHours(1));
        UnitScan ok = new UnitScan(TestConsortium.GTIN, "OK1", L1, EXPIRY, false);
        Verdict fresh = verifier.verify(ok, Mode.PACK, ctx(asOf.plus(Duration.ofHours(4))), Optional.empty());
        Verdict stale = verifier.verify(ok, Mode.PACK, ctx(asOf.plus(Duration.ofHours(5))), Optional.empty());
        Verdict old = verifier.verify(ok, Mode.PACK, ctx(asOf.plus(Duration.ofHours(25))), Optional.empty());
        assertThat(fresh).isInstanceOf(Verdict.Pass.class);
        assertThat(fresh.warnings()).isEmpty();
        assertThat(stale).isInstanceOf(Verdict.Pass.class);
        assertThat(stale.warnings()).extracting(Reason::code).containsExactly(ReasonCode.LEDGER_STALE);
        assertThat(old).isInstanceOf(Verdict.CannotVerify.class);
        assertThat(codes(old)).containsExactly(ReasonCode.LEDGER_TOO_OLD);
    }

    @Test
    void verify_passCarriesTheCheckpointAndEveryEntryUsed() throws Exception {
        Verdict v = verify("OK1", L1, EXPIRY, Mode.PACK);
        var cp = v.evidence().checkpoint().orElseThrow();
        assertThat(cp.origin()).isEqualTo(StationMirror.ORIGIN);
        assertThat(cp.size()).isEqualTo(chain.entries().size());
        assertThat(cp.rootHash()).isEqualTo(store.verified().orElseThrow().root());
        // registrations 0 (manufacturer), 1 (wholesaler), 2 (pharmacy A); commissioning 4 and the four moves after it
        assertThat(v.evidence().entries()).containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L);
        assertThat(v.explanation()).contains("genuine");
    }

    @Test
    void verify_unknownSerial_explainsInPlainWords() throws Exception {
        Verdict v = verify("NEVER", L1, EXPIRY, Mode.PACK);
        assertThat(v.explanation()).isEqualTo(
                "This serial number was never issued by the manufacturer. Do not dispense. Put the pack in quarantine.");
        assertThat(v.blocksPacking()).isTrue();
    }

    @Test
    void index_recordsAnInvalidEntryAndTheSyncGoesOn() throws Exception {
        var invalid = new dev.packguard.ledger.index.StatementIndex(store).invalidEntries(10);
        assertThat(invalid).extracting(e -> e.index()).containsExactly(garbageIndex);
        assertThat(store.verified().orElseThrow().size()).isGreaterThan(garbageIndex + 1);
    }

    @Test
    void prepare_leavesVerdictsUnchanged() throws Exception {
        UnitVerifier fresh = new UnitVerifier(store, chain.consortium().root());
        fresh.prepare();
        assertThat(fresh.verify(new UnitScan(TestConsortium.GTIN, "OK1", L1, EXPIRY, false), Mode.PACK, ctx(NOW), Optional.empty()))
                .isInstanceOf(Verdict.Pass.class);
        assertThat(codes(fresh.verify(new UnitScan(TestConsortium.GTIN, "FORGED", L1, EXPIRY, false), Mode.PACK, ctx(NOW), Optional.empty())))
                .containsExactly(ReasonCode.BAD_SIGNATURE);
    }

    @Test
    void rebuildIndex_givesTheSameVerdicts() throws Exception {
        store.rebuildIndex();
        UnitVerifier fresh = new UnitVerifier(store, chain.consortium().root());
        assertThat(fresh.verify(new UnitScan(TestConsortium.GTIN, "OK1", L1, EXPIRY, false), Mode.PACK, ctx(NOW), Optional.empty()))
                .isInstanceOf(Verdict.Pass.class);
        assertThat(codes(fresh.verify(new UnitScan(TestConsortium.GTIN, "DISP", L1, EXPIRY, false), Mode.PACK, ctx(NOW), Optional.empty())))
                .containsExactly(ReasonCode.ALREADY_DISPENSED);
    }

    @Test
    void verify_otherPharmacysStation_seesOurStockAsNotInItsCustody() throws Exception {
        StationContext atB = new StationContext(new Gln("4056790000016"), NOW, ZoneOffset.UTC, StationContext.Policies.defaults());
        Verdict v = verifier.verify(new UnitScan(TestConsortium.GTIN, "OK1", L1, EXPIRY, false), Mode.PACK, atB, Optional.empty());
        assertThat(codes(v)).containsExactly(ReasonCode.NOT_IN_OUR_CUSTODY);
    }
}
