package dev.packguard.app.station.pharmacist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.app.station.packing.PharmacistPins;
import dev.packguard.app.station.packing.PinCheck;
import dev.packguard.app.station.packing.PinLock;
import dev.packguard.app.station.packing.PinLockStore;
import dev.packguard.app.station.packing.UndoOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PIN lock of a real station (PackingStation over its own files): shared by the undo desk and
 * the stale-ledger override, and kept in outbox.db so that reopening the station does not lift it.
 */
class PinLockoutTest {
    private static final String REASON = "customer cancelled by phone";
    private static final String WRONG = "0000";
    private static final String RIGHT = new String(PackingFixture.PIN);

    @TempDir
    Path dir;
    private PackingFixture f;
    private PackingStation station;

    @BeforeEach
    void open() throws Exception {
        f = new PackingFixture(Files.createDirectories(dir.resolve("fixture")));
        // The fewest iterations the file accepts: the lock, not PBKDF2, is under test.
        PharmacistsFile.write(dir.resolve("pharmacists.json"),
                List.of(PharmacistPins.enrol(PackingFixture.PHARMACIST, "A. Apothecary", PackingFixture.PIN, 10_000)));
        station = reopened();
    }

    @AfterEach
    void close() throws Exception {
        station.close();
        f.close();
    }

    private PackingStation reopened() throws Exception {
        if (station != null) {
            station.close();
        }
        StationConfig config = new StationConfig(dir.resolve("station.json"),
                new StationConfig.Station("Packing 2", "Demo Versandapotheke", "4012345000009", Optional.empty(),
                        Optional.of(dir.resolve("pharmacists.json"))),
                new StationConfig.Ledger(URI.create("http://127.0.0.1:9/"), dir.resolve("policy.txt"), dir.resolve("mirror.db"),
                        Duration.ofSeconds(5), 1, Duration.ofHours(4), Duration.ofHours(24), Optional.empty()),
                new StationConfig.Rules(28, 30, 10), StationConfig.Input.defaults(), false);
        station = PackingStation.open(config, f.feed(), PackingStation.verifierFor(config, null, f.clock), f.clock);
        return station;
    }

    // The PIN is checked before anything else, so an order that was never sealed shows whether it passed.
    private String undo(String pin) {
        UndoOutcome out = station.undoDesk().undo("ORD-404", PackingFixture.PHARMACIST, pin.toCharArray(), REASON);
        return ((UndoOutcome.Refused) out).why();
    }

    private String override(String pin) {
        LedgerState stale = f.ledgerAged(Duration.ofHours(30), Duration.ofHours(4), Duration.ofHours(24));
        StaleLedgerOverride.Outcome out = station.staleLedgerOverride().grant(PackingFixture.PHARMACIST, pin.toCharArray(),
                "ISP outage, ticket 4711", stale);
        return out instanceof StaleLedgerOverride.Outcome.Refused r ? r.why() : "granted";
    }

    @Test
    void fiveWrongPins_lockTheUndoDeskAndTheOverride_acrossARestart_untilTheLockRunsOut() throws Exception {
        for (int left = 4; left >= 2; left--) {
            assertThat(undo(WRONG)).contains(left + " more attempts");
        }
        assertThat(override(WRONG)).contains("1 more attempt ");
        String locked = "PIN entry is locked after 5 wrong PINs in a row, until "
                + PackingFixture.NOW.plus(Duration.ofMinutes(5));
        assertThat(undo(WRONG)).startsWith(locked);

        reopened();
        f.clock.advance(Duration.ofMinutes(4));
        assertThat(undo(RIGHT)).startsWith(locked);
        assertThat(override(RIGHT)).startsWith(locked);

        f.clock.advance(Duration.ofMinutes(1));
        reopened();
        assertThat(undo(RIGHT)).isEqualTo("Order ORD-404 was not sealed at this station.");
        assertThat(override(RIGHT)).isEqualTo("granted");
    }

    @Test
    void aRightPin_resetsTheCount_andTheResetOutlivesARestart() throws Exception {
        for (int i = 0; i < 4; i++) {
            undo(WRONG);
        }
        reopened();
        assertThat(undo(WRONG)).startsWith("PIN entry is locked");
        f.clock.advance(PharmacistPins.LOCKOUT);
        for (int i = 0; i < 4; i++) {
            undo(WRONG);
        }
        assertThat(undo(RIGHT)).isEqualTo("Order ORD-404 was not sealed at this station.");

        reopened();
        assertThat(undo(WRONG)).contains("4 more attempts");
    }

    @Test
    void authorise_whenTheCountCannotBeRecorded_acceptsNoPin() {
        PinLockStore broken = new PinLockStore() {
            @Override
            public PinLock load() {
                return PinLock.NONE;
            }

            @Override
            public void save(PinLock lock) throws Unavailable {
                throw new Unavailable("Cannot record the PIN lock in outbox.db: disk I/O error", null);
            }
        };
        PharmacistPins pins = new PharmacistPins(List.of(PharmacistPins.enrol(PackingFixture.PHARMACIST, "A. Apothecary",
                PackingFixture.PIN, 1000))).lockedIn(broken);

        PinCheck wrong = pins.authorise(PackingFixture.PHARMACIST, WRONG.toCharArray(), PackingFixture.NOW);

        assertThat(wrong).isInstanceOf(PinCheck.NotRecorded.class);
        assertThat(wrong.why()).contains("cannot keep count of wrong PINs", "disk I/O error");
        // A right PIN with nothing to reset writes nothing, so it still works.
        assertThat(pins.authorise(PackingFixture.PHARMACIST, PackingFixture.PIN.clone(), PackingFixture.NOW))
                .isInstanceOf(PinCheck.Accepted.class);
    }
}
