package dev.packguard.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerMonitorTest {
    private static final Instant SIGNED = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path dir;
    private final PackingFixture.MutableClock clock = new PackingFixture.MutableClock(SIGNED.plusSeconds(60));
    private SignedTestLog log;
    private StaticDirServer server;
    private MirrorStore store;
    private LedgerMonitor monitor;
    private Policy policy;
    private final List<LedgerState> seen = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        log = new SignedTestLog("monitor.example/log", 1, Clock.fixed(SIGNED, ZoneOffset.UTC));
        log.append(600, "a").writeTo(dir.resolve("www"));
        server = new StaticDirServer(dir.resolve("www"));
        policy = ((Parsed.Ok<Policy>) PolicyParser.parse(log.policy(1))).value();
        store = MirrorStore.open(dir.resolve("mirror.db"));
        MirrorSync sync = new MirrorSync(store, new LogFetcher(server.base(),
                new LogFetcher.Settings(Duration.ofSeconds(2), 1, Duration.ofMillis(10), 4)), new PolicyVerifier(policy, clock), clock);
        monitor = new LedgerMonitor(store, sync, Duration.ofHours(4), Duration.ofHours(24), clock, Runnable::run);
        monitor.addListener(seen::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        store.close();
    }

    @Test
    void beforeFirstSync_verificationIsBlocked() {
        assertThat(monitor.current().usable()).isFalse();
        assertThat(monitor.current().summary()).contains("no verified ledger yet");
    }

    @Test
    void sync_thenAgeing_goesFreshThenWarnThenBlocked() {
        monitor.syncNow();
        LedgerState s = monitor.current();
        assertThat(s.connection()).isEqualTo(LedgerState.Connection.ONLINE);
        assertThat(s.freshness()).isEqualTo(LedgerState.Freshness.FRESH);
        assertThat(s.summary()).isEqualTo("Online · 600 entries · verified 1 min ago");
        assertThat(seen).anySatisfy(st -> assertThat(st.syncing()).isPresent());

        clock.set(SIGNED.plus(Duration.ofHours(5)));
        monitor.tick();
        assertThat(monitor.current().freshness()).isEqualTo(LedgerState.Freshness.STALE_WARN);
        assertThat(monitor.current().usable()).isTrue();

        clock.set(SIGNED.plus(Duration.ofHours(25)));
        monitor.tick();
        assertThat(monitor.current().freshness()).isEqualTo(LedgerState.Freshness.BLOCKED);
        assertThat(monitor.current().usable()).isFalse();
        assertThat(monitor.current().summary()).contains("verified 1 d 1 h ago", "TOO OLD");
    }

    @Test
    void offline_keepsUsingTheLocalCopy() {
        monitor.syncNow();
        server.close();
        monitor.syncNow();
        LedgerState s = monitor.current();
        assertThat(s.connection()).isEqualTo(LedgerState.Connection.OFFLINE);
        assertThat(s.usable()).isTrue();
        assertThat(s.summary()).startsWith("Offline · 600 entries");
    }

    @Test
    void rollback_raisesAlertThatBlocksUntilAcknowledged() throws Exception {
        monitor.syncNow();
        Files.write(dir.resolve("www/checkpoint"), log.checkpoint(300, log.root(), 1));
        monitor.syncNow();
        assertThat(monitor.current().alert()).hasValueSatisfying(a -> assertThat(a).contains("rollback"));
        assertThat(monitor.current().usable()).isFalse();
        assertThat(monitor.current().summary()).contains("SECURITY ALERT");
        MirrorSync again = new MirrorSync(store, new LogFetcher(server.base(),
                new LogFetcher.Settings(Duration.ofSeconds(2), 1, Duration.ofMillis(10), 4)), new PolicyVerifier(policy, clock), clock);
        LedgerMonitor restarted = new LedgerMonitor(store, again, Duration.ofHours(4), Duration.ofHours(24), clock, Runnable::run);
        assertThat(restarted.current().usable()).as("the alert survives a restart").isFalse();

        monitor.acknowledgeAlert("Dr. A. Apothekerin", "Checked with the consortium: CDN misconfiguration.");
        assertThat(monitor.current().usable()).isTrue();
        assertThat(store.evidence()).hasSize(1);
        assertThat(store.unacknowledgedEvidence()).isZero();
        assertThat(store.recordedEvidence().get(0).acknowledgement()).hasValueSatisfying(a ->
                assertThat(a.by()).isEqualTo("Dr. A. Apothekerin"));
    }
}
