package dev.packguard.ledger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.Role;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.testing.StationMirror;
import dev.packguard.ledger.testing.SupplyChain;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain of custody every verdict with a history carries (docs/LEDGER.md "Verification
 * rules"), from a real mirror of a signed log: parties by their registered names and roles,
 * event times, log indices, and untrusted entries kept and marked.
 */
class CustodyChainTest {
    static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    static final LocalDate EXPIRY = LocalDate.of(2028, 6, 30);
    static final Lot LOT = new Lot("L1"), RECALLED = new Lot("L2");

    @TempDir
    static Path dir;
    static MirrorStore store;
    static UnitVerifier verifier;
    static SupplyChain chain;
    static long forgedIndex, intrudedIndex, recallIndex;

    @BeforeAll
    static void writeAndSync() throws Exception {
        chain = SupplyChain.create();
        var a = chain.pharmacyA();
        chain.deliverToPharmacyA(LOT, EXPIRY, "OK1", "FORGED", "INTRUDED");
        chain.deliverToPharmacyA(RECALLED, EXPIRY, "R1");
        recallIndex = chain.recallLot(RECALLED);
        // A dispense of FORGED carrying the signature of another statement: the signature is over other bytes.
        SignedStatement genuine = a.sign(new Dispensing(a.partyId(), chain.now(), a.site(), chain.units("OK1")));
        forgedIndex = chain.add(new SignedStatement(new Dispensing(a.partyId(), chain.now(), a.site(),
                chain.units("FORGED")), genuine.signature()));
        // A dispense of INTRUDED in pharmacy A's name, signed by a key nobody certified.
        SigningKey intruder = SigningKey.ed25519FromSeed(TestConsortium.seed("intruder"));
        intrudedIndex = chain.add(intruder.sign(new Dispensing(a.partyId(), chain.now(), a.site(), chain.units("INTRUDED"))));
        store = StationMirror.sync(chain.entries(), dir, Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC));
        verifier = new UnitVerifier(store, chain.consortium().root());
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    static Verdict verify(String serial, Lot lot) throws Exception {
        return verifier.verify(new UnitScan(TestConsortium.GTIN, serial, lot, EXPIRY, false), Mode.PACK,
                new StationContext(chain.pharmacyA().partyId(), NOW, ZoneOffset.UTC, StationContext.Policies.defaults()),
                Optional.empty());
    }

    @Test
    void custody_ofAPass_listsManufacturerWholesalerPharmacyOldestFirst_allTrusted() throws Exception {
        Verdict v = verify("OK1", LOT);

        assertThat(v).isInstanceOf(Verdict.Pass.class);
        // SupplyChain.START, one minute per statement: commission, ship, receive, ship, receive.
        assertThat(v.custody()).extracting(s -> s.action(), s -> s.actor().label(), s -> s.actor().role(),
                        s -> s.counterpart().map(CustodyStep.Actor::label), CustodyStep::time, CustodyStep::trusted)
                .containsExactly(
                        tuple(CustodyStep.Action.COMMISSIONED, "Acme Pharma GmbH", Optional.of(Role.MANUFACTURER),
                                Optional.empty(), SupplyChain.START, true),
                        tuple(CustodyStep.Action.SHIPPED, "Acme Pharma GmbH", Optional.of(Role.MANUFACTURER),
                                Optional.of("Nordgross Pharmahandel"), SupplyChain.START.plusSeconds(60), true),
                        tuple(CustodyStep.Action.RECEIVED, "Nordgross Pharmahandel", Optional.of(Role.WHOLESALER),
                                Optional.of("Acme Pharma GmbH"), SupplyChain.START.plusSeconds(120), true),
                        tuple(CustodyStep.Action.SHIPPED, "Nordgross Pharmahandel", Optional.of(Role.WHOLESALER),
                                Optional.of("Apotheke am Markt Versand"), SupplyChain.START.plusSeconds(180), true),
                        tuple(CustodyStep.Action.RECEIVED, "Apotheke am Markt Versand", Optional.of(Role.DISPENSER),
                                Optional.of("Nordgross Pharmahandel"), SupplyChain.START.plusSeconds(240), true));
        assertThat(v.custody()).extracting(CustodyStep::index).isSorted().allSatisfy(i -> assertThat(v.evidence().entries()).contains(i));
        assertThat(v.custody().get(0).actor().gln()).isEqualTo(chain.manufacturer().partyId());
        assertThat(v.custody().get(0).location()).map(CustodyStep.Actor::gln).contains(chain.manufacturer().site());
        assertThat(v.custody().get(0).detail()).isEqualTo("lot L1, expiry 2028-06-30");
        assertThat(v.custody().get(3).summary()).isEqualTo("shipped to Apotheke am Markt Versand");
        assertThat(v.custody().get(4).summary()).isEqualTo("received from Nordgross Pharmahandel");
    }

    @Test
    void custody_ofAForgedSignature_keepsTheStepMarkedNotVerified() throws Exception {
        Verdict v = verify("FORGED", LOT);

        assertThat(v).isInstanceOf(Verdict.Fail.class);
        assertThat(v.custody()).hasSize(6);
        assertThat(v.custody().subList(0, 5)).allMatch(CustodyStep::trusted);
        CustodyStep forged = v.custody().get(5);
        assertThat(forged.index()).isEqualTo(forgedIndex);
        assertThat(forged.action()).isEqualTo(CustodyStep.Action.DISPENSED);
        assertThat(forged.actor().label()).isEqualTo("Apotheke am Markt Versand");
        assertThat(forged.trusted()).isFalse();
        assertThat(forged.trust()).isInstanceOfSatisfying(CustodyStep.Trust.NotVerified.class,
                n -> assertThat(n.failure()).isEqualTo(Authorization.Failure.BAD_SIGNATURE));
    }

    @Test
    void custody_ofAnUncertifiedSigner_marksTheStepUnknownKey() throws Exception {
        Verdict v = verify("INTRUDED", LOT);

        CustodyStep last = v.custody().get(v.custody().size() - 1);
        assertThat(last.index()).isEqualTo(intrudedIndex);
        assertThat(last.trust()).isInstanceOfSatisfying(CustodyStep.Trust.NotVerified.class,
                n -> assertThat(n.failure()).isEqualTo(Authorization.Failure.UNKNOWN_KEY));
    }

    @Test
    void custody_ofARecalledLot_endsWithTheRecall() throws Exception {
        Verdict v = verify("R1", RECALLED);

        assertThat(codesOf(v)).contains(ReasonCode.RECALLED);
        CustodyStep last = v.custody().get(v.custody().size() - 1);
        assertThat(last.index()).isEqualTo(recallIndex);
        assertThat(last.summary()).isEqualTo("recalled: whole lot L2");
        assertThat(last.location()).isEmpty();
        assertThat(last.trusted()).isTrue();
    }

    @Test
    void custody_ofAnUnknownUnit_isEmpty() throws Exception {
        assertThat(verify("NEVER", LOT).custody()).isEmpty();
    }

    private static List<ReasonCode> codesOf(Verdict v) {
        return v.reasons().stream().map(Reason::code).toList();
    }
}
