package dev.packguard.ledger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.Evidence;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.testing.StationMirror;
import dev.packguard.ledger.testing.SupplyChain;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule 2 against real mirrors: never synced, security evidence recorded; and an index that must be rebuilt. */
class LedgerStateTest {
    static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    static final Lot L1 = new Lot("L1");
    static final LocalDate EXPIRY = LocalDate.of(2028, 6, 30);

    @TempDir
    Path dir;

    private static StationContext ctx(SupplyChain chain) {
        return new StationContext(chain.pharmacyA().partyId(), NOW, ZoneOffset.UTC, StationContext.Policies.defaults());
    }

    private static UnitScan ok1() {
        return new UnitScan(TestConsortium.GTIN, "OK1", L1, EXPIRY, false);
    }

    private static SupplyChain story() {
        SupplyChain chain = SupplyChain.create();
        chain.deliverToPharmacyA(L1, EXPIRY, "OK1");
        return chain;
    }

    @Test
    void verify_neverSyncedMirror_cannotVerify() throws Exception {
        SupplyChain chain = story();
        try (MirrorStore empty = MirrorStore.open(dir.resolve("empty.db"), new StatementIndexer())) {
            Verdict v = new UnitVerifier(empty, chain.consortium().root()).verify(ok1(), Mode.PACK, ctx(chain), Optional.empty());
            assertThat(v).isInstanceOf(Verdict.CannotVerify.class);
            assertThat(v.reasons()).extracting(Reason::code).containsExactly(ReasonCode.LEDGER_NOT_SYNCED);
            assertThat(v.evidence().checkpoint()).isEmpty();
        }
    }

    @Test
    void verify_afterARecordedFork_cannotVerifyEvenAGenuinePack() throws Exception {
        SupplyChain chain = story();
        try (MirrorStore store = StationMirror.sync(chain.entries(), dir, Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))) {
            UnitVerifier verifier = new UnitVerifier(store, chain.consortium().root());
            assertThat(verifier.verify(ok1(), Mode.PACK, ctx(chain), Optional.empty())).isInstanceOf(Verdict.Pass.class);
            store.recordEvidence(new Evidence(Evidence.Kind.FORK, NOW, new byte[] {1}, new byte[] {2}, "two roots at one size"));
            Verdict v = verifier.verify(ok1(), Mode.PACK, ctx(chain), Optional.empty());
            assertThat(v).isInstanceOf(Verdict.CannotVerify.class);
            assertThat(v.reasons()).extracting(Reason::code).containsExactly(ReasonCode.LEDGER_SECURITY_ALERT);
        }
    }

    @Test
    void openIndexed_rebuildsAnIndexThatDoesNotCoverTheMirror() throws Exception {
        SupplyChain chain = story();
        Path file;
        try (MirrorStore store = StationMirror.sync(chain.entries(), dir, Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))) {
            file = store.file();
            // As if synced by a version without the statement index.
            store.query(db -> db.createStatement().executeUpdate("DELETE FROM pg_unit"));
            store.query(db -> db.createStatement().executeUpdate("DELETE FROM pg_index_state"));
            Verdict lost = new UnitVerifier(store, chain.consortium().root()).verify(ok1(), Mode.PACK, ctx(chain), Optional.empty());
            assertThat(lost.reasons()).extracting(Reason::code).containsExactly(ReasonCode.UNKNOWN_SERIAL);
        }
        try (MirrorStore store = StatementIndexer.openIndexed(file)) {
            assertThat(new UnitVerifier(store, chain.consortium().root()).verify(ok1(), Mode.PACK, ctx(chain), Optional.empty()))
                    .isInstanceOf(Verdict.Pass.class);
        }
    }
}
