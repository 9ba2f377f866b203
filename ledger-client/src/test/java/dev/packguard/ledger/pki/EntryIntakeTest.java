package dev.packguard.ledger.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.Event;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.RevocationReason;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.UnitCommitment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small log fed entry by entry, as a sync does, with bad entries mixed in. */
class EntryIntakeTest {
    private static final TestConsortium C = TestConsortium.create();
    private static final Instant T = Instant.parse("2026-03-02T08:00:00.000Z");
    private static final List<UnitCommitment> UNITS = List.of(UnitCommitment.of(TestConsortium.GTIN, "A1B2C3D4"));

    @Test
    void custodyChain_isTrustedEntryByEntry() {
        EntryIntake intake = new EntryIntake(new PartyDirectory(C.root()));
        List<SignedStatement> log = new ArrayList<>(C.registrations());
        log.addAll(C.custodyChain(TestConsortium.GTIN, new Lot("B2403A"), LocalDate.parse("2028-02-29"), "A1B2C3D4", T));

        for (int i = 0; i < log.size(); i++) {
            EntryIntake.Outcome outcome = intake.accept(i, log.get(i).encode());
            assertThat(outcome).as("entry %d", i).isInstanceOfAny(EntryIntake.Outcome.DirectoryChange.class, EntryIntake.Outcome.Trusted.class);
        }
        assertThat(((Event) log.get(8).statement()).units()).isEqualTo(UNITS);
    }

    @Test
    void accept_classifiesEveryEntryAndKeepsGoingPastBadOnes() {
        List<byte[]> log = new ArrayList<>();
        C.registrations().forEach(r -> log.add(r.encode()));                                         // 0..3
        SignedStatement commissioning = C.manufacturer().sign(new Commissioning(C.manufacturer().partyId(), T,
                C.manufacturer().site(), TestConsortium.GTIN, new Lot("B2403A"), LocalDate.parse("2028-02-29"), UNITS));
        log.add(commissioning.encode());                                                               // 4 trusted
        log.add("{\"not\":\"a statement\"}".getBytes(StandardCharsets.UTF_8));                        // 5 invalid
        SignedStatement shipping = C.manufacturer().sign(new Shipping(C.manufacturer().partyId(), T.plusSeconds(60),
                C.manufacturer().site(), C.wholesaler().site(), UNITS));
        log.add(shipping.encode());                                                                    // 6 trusted
        SignedStatement stranger = SigningKey.ed25519FromSeed(TestConsortium.seed("stranger")).sign(new Receiving(
                C.wholesaler().partyId(), T.plusSeconds(120), C.manufacturer().site(), C.wholesaler().site(), UNITS));
        log.add(stranger.encode());                                                                    // 7 untrusted
        log.add(C.ca().key().sign(new KeyRevocation(C.wholesaler().partyId(), T, C.wholesaler().key().keyId(), T,
                RevocationReason.KEY_COMPROMISE)).encode());                                           // 8 revocation
        SignedStatement afterRevocation = C.wholesaler().sign(new Receiving(C.wholesaler().partyId(), T.plusSeconds(180),
                C.manufacturer().site(), C.wholesaler().site(), UNITS));
        log.add(afterRevocation.encode());                                                             // 9 untrusted

        EntryIntake intake = new EntryIntake(new PartyDirectory(C.root()));
        List<EntryIntake.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            outcomes.add(intake.accept(i, log.get(i)));
        }

        assertThat(outcomes.subList(0, 4)).allSatisfy(o -> assertThat(((EntryIntake.Outcome.DirectoryChange) o).admission())
                .isInstanceOf(Admission.Registered.class));
        assertThat(outcomes.get(4)).isEqualTo(new EntryIntake.Outcome.Trusted(commissioning,
                new Authorization.Authorized(C.manufacturer().certificate(), 0)));
        assertThat(((EntryIntake.Outcome.Invalid) outcomes.get(5)).reason().problem()).isEqualTo(EntryDecoding.Problem.MISSING_FIELD);
        assertThat(outcomes.get(6)).isInstanceOf(EntryIntake.Outcome.Trusted.class);
        assertThat(((EntryIntake.Outcome.Untrusted) outcomes.get(7)).why().failure()).isEqualTo(Authorization.Failure.UNKNOWN_KEY);
        assertThat(((EntryIntake.Outcome.DirectoryChange) outcomes.get(8)).admission())
                .isEqualTo(new Admission.Revoked(C.wholesaler().key().keyId(), T));
        assertThat(((EntryIntake.Outcome.Untrusted) outcomes.get(9)).why().failure()).isEqualTo(Authorization.Failure.REVOKED);
    }
}
