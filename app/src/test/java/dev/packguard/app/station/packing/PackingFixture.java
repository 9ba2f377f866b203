package dev.packguard.app.station.packing;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditException;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A packing station on real files (audit log, outbox, slips in a temporary folder) signing with a
 * fixed pharmacy key, with one stand-in: the verifier is a test double that returns verdicts the test constructs, keyed by
 * serial, because the ledger-client rules are built elsewhere. Every unit not scripted passes.
 */
public final class PackingFixture implements AutoCloseable {
    public static final String IBUPROFEN = "04012345000016";
    public static final String AMOXICILLIN = "04012345000023";
    public static final String NOT_ORDERED = "04012345000030";
    public static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    public static final Order ORDER = new Order("ORD-1001", List.of(
            new Order.Line(IBUPROFEN, "Ibuprofen 400 mg, 20 tablets", 2, 30),
            new Order.Line(AMOXICILLIN, "Amoxicillin 500 mg, 10 capsules", 1, 10)));
    public static final String PHARMACIST = "pharm-1";
    /** The pharmacy's signer: its own key, its PGLN, and the station's location. */
    public static final StationSigner SIGNER = new StationSigner(
            SigningKey.ed25519FromSeed("packing-fixture-pharmacy-key-32b".getBytes(StandardCharsets.US_ASCII)),
            new Gln("4012345000016"), new Gln("4012345000009"));
    public static final char[] PIN = "4711".toCharArray();

    public final Path dir;
    public final MutableClock clock = new MutableClock(NOW);
    public final AuditLog audit;
    public final Outbox outbox;
    public final Map<String, UnitVerdict> scripted = new HashMap<>();
    public final AtomicReference<LedgerState> ledger = new AtomicReference<>();
    public final PackingSettings settings;
    public final PackingSession.Parts parts;

    public PackingFixture(Path dir) throws AuditException, OutboxException {
        this.dir = dir;
        this.audit = AuditLog.open(dir.resolve("audit.db"), clock);
        this.outbox = Outbox.open(dir.resolve("outbox.db"));
        ledger.set(ledgerAged(Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofHours(24)));
        settings = new PackingSettings("Packing 1", "4012345000009", PackingSettings.DEFAULT_QUARANTINE_LABEL,
                Duration.ofDays(10), dir.resolve("slips"), StationSigning.ready(SIGNER));
        PharmacistPins pins = new PharmacistPins(List.of(PharmacistPins.enrol(PHARMACIST, "A. Apothecary", PIN, 1000)));
        UnitVerifier verifier = (unit, days) -> scripted.getOrDefault(unit.serial().orElseThrow(), pass());
        parts = new PackingSession.Parts(audit, outbox, verifier, new ScanDecoder(WedgeConfig.defaults(), clock),
                ledger::get, id -> id.equals(ORDER.id()) ? Optional.of(ORDER) : Optional.empty(), pins, settings, clock);
    }

    /** A ledger of one entry verified {@code age} ago, judged with the given limits. */
    /** The fixture's ledger as a screen follows it: the state it holds now, told once to each new listener. */
    public LedgerFeed feed() {
        return new LedgerFeed() {
            @Override
            public LedgerState current() {
                return ledger.get();
            }

            @Override
            public void addListener(java.util.function.Consumer<LedgerState> l) {
                l.accept(current());
            }

            @Override
            public void removeListener(java.util.function.Consumer<LedgerState> l) {
            }
        };
    }

    public LedgerState ledgerAged(Duration age, Duration warnAfter, Duration blockAfter) {
        CompactRange edge = CompactRange.empty().append(Hash.of(new byte[32]));
        VerifiedCheckpoint cp = new VerifiedCheckpoint("demo.packguard.dev/log", 1, edge.root(),
                "checkpoint".getBytes(StandardCharsets.UTF_8), edge, Optional.empty(), clock.instant().minus(age));
        LedgerState.Freshness f = age.compareTo(blockAfter) > 0 ? LedgerState.Freshness.BLOCKED
                : age.compareTo(warnAfter) > 0 ? LedgerState.Freshness.STALE_WARN : LedgerState.Freshness.FRESH;
        return new LedgerState(LedgerState.Connection.OFFLINE, Optional.of(cp), Optional.of(age), f, Optional.empty(),
                Optional.empty(), "test ledger");
    }

    public CheckpointRef checkpoint() {
        return CheckpointRef.of(ledger.get().verified().orElseThrow());
    }

    public UnitVerdict.Pass pass() {
        return new UnitVerdict.Pass(new UnitVerdict.Evidence(Optional.of(checkpoint()), List.of(3L, 7L)),
                Optional.of("Ibuprofen 400 mg"), List.of(
                        new UnitVerdict.CustodyStep("Demo Pharma GmbH", "commissioning", NOW.minus(Duration.ofDays(40)), true),
                        new UnitVerdict.CustodyStep("Demo Grosshandel", "shipping", NOW.minus(Duration.ofDays(9)), true),
                        new UnitVerdict.CustodyStep("Demo Versandapotheke", "receiving", NOW.minus(Duration.ofDays(8)), true)),
                List.of());
    }

    /** A pack whose serial was never issued: a counterfeit. */
    public UnitVerdict.Fail unknownSerial() {
        return new UnitVerdict.Fail(List.of(new UnitVerdict.Reason("UNKNOWN_SERIAL", "This serial number was never "
                + "issued by the manufacturer.")), new UnitVerdict.Evidence(Optional.of(checkpoint()), List.of(11L)), List.of());
    }

    public UnitVerdict.Fail recalled() {
        return new UnitVerdict.Fail(List.of(new UnitVerdict.Reason("RECALLED", "The lot of this pack was recalled by the "
                + "manufacturer.")), new UnitVerdict.Evidence(Optional.of(checkpoint()), List.of(11L)), List.of());
    }

    /** A GS1 element string with GS separators, as a DataMatrix scanner sends it. */
    public static String scan(String gtin, String serial) {
        return "01" + gtin + "21" + serial + "\u001d10LOT42\u001d17281231";
    }

    public PackingSession session() {
        return PackingSession.start(parts);
    }

    @Override
    public void close() throws Exception {
        audit.close();
        outbox.close();
    }

    /** A clock tests move forward. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
