package dev.packguard.app.station.packing;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.audit.AuditException;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.app.station.pharmacist.PharmacistsFile;
import dev.packguard.app.station.pharmacist.StaleLedgerOverride;
import dev.packguard.app.station.pharmacist.UndoDesk;
import dev.packguard.app.verification.TrustAnchor;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.Parse;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packing station's files for one configuration, beside the configuration file
 * (docs/CONFIGURATION.md): {@code audit.db}, {@code outbox.db}, {@code orders/} (the order
 * queue), {@code slips/} (packing slips), {@code exports/} (audit exports). Opening checks the audit log; a session on a tampered
 * log starts halted.
 */
public final class PackingStation implements AutoCloseable {
    private final AuditLog audit;
    private final Outbox outbox;
    private final PackingSession session;
    private final Path orders;
    private final AuditExporter exporter;
    private final PackingSettings settings;
    private final StaleLedgerOverride override;
    private final UndoDesk undo;

    private PackingStation(AuditLog audit, Outbox outbox, PackingSession session, Path orders, AuditExporter exporter,
            PackingSettings settings, StaleLedgerOverride override, UndoDesk undo) {
        this.settings = settings;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.orders = orders;
        this.exporter = exporter;
        this.override = override;
        this.undo = undo;
    }

    /** Opens the station's files and starts a session. Blocking: call off the FX thread. */
    public static PackingStation open(StationConfig config, LedgerFeed ledger, UnitVerifier verifier, Clock clock)
            throws AuditException, OutboxException, IOException {
        Path dir = config.source().toAbsolutePath().getParent();
        Path orders = dir.resolve("orders");
        Files.createDirectories(orders);
        AuditLog audit = AuditLog.open(dir.resolve("audit.db"), clock);
        Outbox outbox;
        try {
            outbox = Outbox.open(dir.resolve("outbox.db"));
        } catch (OutboxException e) {
            audit.close();
            throw e;
        }
        PackingSettings settings = new PackingSettings(config.station().name(), config.station().pharmacyGln(),
                PackingSettings.DEFAULT_QUARANTINE_LABEL, Duration.ofDays(config.rules().undoWindowDays()),
                dir.resolve("slips"), signingFor(config, verifier));
        // One lock for the undo desk and the override, kept in outbox.db so a restart does not lift it.
        PharmacistPins pins = PharmacistsFile.pinsFor(config.station().pharmacists()).lockedIn(outbox.pinLocks());
        PackingSession.Parts parts = new PackingSession.Parts(audit, outbox, verifier,
                new ScanDecoder(WedgeConfig.defaults(), clock), ledger::current, id -> find(orders, id),
                pins, settings, clock);
        PackingSession session = PackingSession.start(parts);
        session.useOperators(OperatorRoster.forStation(config.station().operators()));
        StaleLedgerOverride override = new StaleLedgerOverride(audit, pins, clock);
        session.allowStaleLedger(override);
        return new PackingStation(audit, outbox, session, orders, new AuditExporter(audit, dir.resolve("exports"), clock),
                settings, override, new UndoDesk(session, outbox, settings.undoWindow(), clock));
    }

    /** The pharmacist's stale-ledger override, which the session consults when the ledger is too old. */
    public StaleLedgerOverride staleLedgerOverride() {
        return override;
    }

    /** Undo of dispenses sealed here (use on the session's worker thread). */
    public UndoDesk undoDesk() {
        return undo;
    }

    /**
     * The verifier for {@code config}: the ledger rules over {@code store} (an indexed mirror)
     * trusting the configured consortium root, or {@link Unverifiable} saying what is missing.
     * Reads the trust anchor file and warms the rules up ({@code UnitVerifier.prepare()}: the
     * party directory and a JIT-compiled scan path, so the first real scan is as fast as the
     * rest): call off the FX thread.
     */
    public static UnitVerifier verifierFor(StationConfig config, MirrorStore store, Clock clock) {
        return verifierFor(config, store, clock, Optional.empty());
    }

    /**
     * As {@link #verifierFor(StationConfig, MirrorStore, Clock)}, but the warm-up is handed to
     * {@code warmUp} instead of run before returning, so the station can take scans (badge, order)
     * at once and warm up on another thread. A verification during the warm-up waits for it (the
     * rules are one lock), so a unit is never judged half-prepared. A warm-up that cannot read the
     * mirror changes nothing: the first verification meets the same failure and shows it.
     */
    public static UnitVerifier verifierFor(StationConfig config, MirrorStore store, Clock clock,
            java.util.concurrent.Executor warmUp) {
        return verifierFor(config, store, clock, Optional.of(warmUp));
    }

    private static UnitVerifier verifierFor(StationConfig config, MirrorStore store, Clock clock,
            Optional<java.util.concurrent.Executor> warmUp) {
        if (config.ledger().trustAnchor().isEmpty()) {
            return new Unverifiable("The station configuration sets no ledger.trustAnchor (the consortium root "
                    + "certificate), so no party's statements can be trusted.");
        }
        Parse<ConsortiumRoot> root = TrustAnchor.load(config.ledger().trustAnchor().get());
        if (root instanceof Parse.Unusable<ConsortiumRoot> u) {
            return new Unverifiable(u.reason());
        }
        StationContext.Policies policies = new StationContext.Policies(config.ledger().warnAfter(),
                config.ledger().blockAfter(), config.rules().minShelfLifeDays(), config.rules().returnWindowDays(),
                config.rules().undoWindowDays());
        var rules = new dev.packguard.ledger.rules.UnitVerifier(store, root.orElseThrow());
        if (warmUp.isEmpty()) {
            try {
                rules.prepare();
            } catch (MirrorStoreException e) {
                return new Unverifiable(e.getMessage());
            }
        } else {
            warmUp.get().execute(() -> {
                try {
                    rules.prepare();
                } catch (MirrorStoreException e) {
                    // Seen again, and shown, by the first verification.
                }
            });
        }
        return new LedgerVerifier(rules, new Gln(config.station().pharmacyGln()), policies, clock);
    }

    /**
     * The station's signing for {@code config}: its {@code station.signingKey}, checked against
     * the ledger the {@code verifier} reads (a verifier without a ledger cannot confirm the key).
     */
    public static StationSigning signingFor(StationConfig config, UnitVerifier verifier) {
        if (verifier instanceof LedgerVerifier lv) {
            return StationSigning.of(config.station().signingKey(), new Gln(config.station().pharmacyGln()), lv.registry());
        }
        String why = verifier instanceof Unverifiable u ? u.why() : "the station does not verify against a ledger";
        return StationSigning.unavailable("The station cannot check its signing key (" + StationSigning.SETTING
                + ") against the ledger: " + why);
    }

    /** Whether and how the station signs its statements. */
    public StationSigning signing() {
        return settings.signing();
    }

    /** The station's settings, as its workflows (packing, returns) use them. */
    public PackingSettings settings() {
        return settings;
    }

    /** Writes the audit log to {@code exports/} beside the configuration. */
    public AuditExporter auditExporter() {
        return exporter;
    }

    public PackingSession session() {
        return session;
    }

    /** The station's audit log; the returns bench writes to it too (one connection per file). */
    public AuditLog audit() {
        return audit;
    }

    /** The station's outbox; the returns bench queues its statements here too. */
    public Outbox outbox() {
        return outbox;
    }

    /** The valid orders in the order folder, by file name; files that are not valid orders are skipped. */
    public List<Order> queue() {
        List<Order> out = new ArrayList<>();
        try {
            for (OrderReader.Result r : OrderReader.readFolder(orders)) {
                if (r instanceof OrderReader.Read read) {
                    out.add(read.order());
                }
            }
        } catch (IOException e) {
            // The queue shows what could be read; scanning an order barcode still finds it by id.
        }
        return out;
    }

    private static Optional<Order> find(Path orders, String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
            return Optional.empty();
        }
        try {
            return OrderReader.readFolder(orders).stream()
                    .flatMap(r -> r instanceof OrderReader.Read read ? java.util.stream.Stream.of(read.order())
                            : java.util.stream.Stream.empty())
                    .filter(o -> o.id().equals(id)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws AuditException, OutboxException {
        try {
            audit.close();
        } finally {
            outbox.close();
        }
    }
}
