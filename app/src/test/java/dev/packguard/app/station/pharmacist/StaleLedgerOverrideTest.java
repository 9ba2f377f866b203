package dev.packguard.app.station.pharmacist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.packing.PackingFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The override's rules on a real audit log; the screens are in PharmacistScreenTest. */
class StaleLedgerOverrideTest {
    private static final String REASON = "ISP outage, ticket 4711";
    private PackingFixture f;
    private StaleLedgerOverride override;

    @BeforeEach
    void open() throws Exception {
        f = new PackingFixture(Files.createTempDirectory("override"));
        override = new StaleLedgerOverride(f.audit, f.parts.pins(), f.clock);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private LedgerState aged(Duration age) {
        return f.ledgerAged(age, Duration.ofHours(4), Duration.ofHours(24));
    }

    private StaleLedgerOverride.Outcome grant(String pin, String reason, LedgerState state) {
        return override.grant(PackingFixture.PHARMACIST, pin.toCharArray(), reason, state);
    }

    @Test
    void grant_onAFreshOrMerelyOldLedger_isNotNeeded() {
        assertThat(grant("4711", REASON, aged(Duration.ofHours(5))))
                .isEqualTo(new StaleLedgerOverride.Outcome.Refused("The ledger is not blocked: no override is needed."));
    }

    @Test
    void grant_withoutAReason_isRefusedBeforeThePinIsChecked() throws Exception {
        assertThat(grant("0000", "outage", aged(Duration.ofHours(30)))).isInstanceOf(StaleLedgerOverride.Outcome.Refused.class);
        // No PIN was tried: five wrong ones would otherwise be needed to lock.
        assertThat(f.parts.pins().authorise(PackingFixture.PHARMACIST, "0000".toCharArray(), PackingFixture.NOW).why())
                .contains("4 more attempts");
    }

    @Test
    void grant_allowsUntilTheLedgerIsFreshAgain_andNotForTheNextStaleSpell() throws Exception {
        LedgerState stale = aged(Duration.ofHours(30));
        assertThat(grant("4711", REASON, stale)).isInstanceOf(StaleLedgerOverride.Outcome.Granted.class);
        StaleLedgerOverride.Grant g = override.active(stale).orElseThrow();
        assertThat(g.until()).isEqualTo(PackingFixture.NOW.plus(Duration.ofHours(8)));
        // The rules may accept the ledger as old as it will be when the override ends: 30 h + 8 h.
        assertThat(override.allowance(stale)).get().extracting(a -> a.maxAge()).isEqualTo(Duration.ofHours(38));
        assertThat(f.audit.records()).singleElement().satisfies(r -> {
            assertThat(r.entry().kind()).isEqualTo(AuditKind.OVERRIDE);
            assertThat(r.entry().checkpoint()).isPresent();
        });

        assertThat(override.allowance(aged(Duration.ofMinutes(5)))).isEmpty();
        assertThat(override.allowance(stale)).isEmpty();
    }

    @Test
    void grant_endsForGoodWhenASecurityAlertIsRaised() {
        LedgerState stale = aged(Duration.ofHours(30));
        grant("4711", REASON, stale);
        LedgerState alert = new LedgerState(stale.connection(), stale.verified(), stale.age(), stale.freshness(),
                Optional.empty(), Optional.of("rollback"), "alert");
        assertThat(override.allowance(alert)).isEmpty();
        assertThat(override.allowance(stale)).isEmpty();
    }

    @Test
    void grant_endsAfterEightHours() {
        LedgerState stale = aged(Duration.ofHours(30));
        grant("4711", REASON, stale);
        f.clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(override.describe(stale)).isPresent();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(override.describe(stale)).isEmpty();
    }

    @Test
    void grant_withoutAVerifiedLedger_isRefusedAndRecorded() throws Exception {
        LedgerState none = new LedgerState(LedgerState.Connection.OFFLINE, Optional.empty(), Optional.empty(),
                LedgerState.Freshness.BLOCKED, Optional.empty(), Optional.empty(), "never synced");
        assertThat(grant("4711", REASON, none)).isInstanceOf(StaleLedgerOverride.Outcome.Refused.class);
        assertThat(f.audit.records()).singleElement().extracting(r -> r.entry().detail()).asString()
                .startsWith("REFUSED: There is no verified ledger");
    }
}
