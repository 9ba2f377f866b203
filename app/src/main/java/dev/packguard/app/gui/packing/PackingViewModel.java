package dev.packguard.app.gui.packing;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.operators.OperatorChoices;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditCheck;
import dev.packguard.app.station.audit.AuditException;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.packing.Order;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.packing.PackingSnapshot;
import dev.packguard.app.station.packing.ScanOutcome;
import dev.packguard.app.station.packing.SealOutcome;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.SignInMethod;
import dev.packguard.scanner.ProductIdentifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the packing screen shows, and what its keys and buttons do. The session's work
 * (audit writes, verification) runs on {@code executor}; results come back on the FX thread
 * and only then touch these properties. Ledger states arrive on any thread and are moved onto
 * the FX thread through {@code fxThread}.
 */
public final class PackingViewModel {
    /**
     * How the verdict banner is drawn: each level has its own colour, mark and words. The marks
     * are in the fonts every Linux desktop ships (DejaVu); U+26D4 "no entry" is not, and showed as a box.
     */
    public enum Banner {
        IDLE("\u25CB"), INFO("\u2139"), PASS("\u2714"), FAIL("\u2716"), ATTENTION("\u26A0"), HALTED("\u25A0");

        private final String mark;

        Banner(String mark) {
            this.mark = mark;
        }

        /** The shape that says the level without colour. */
        public String mark() {
            return mark;
        }
    }

    /** A line of the open order as shown: {@code packed} of {@code quantity}. */
    public record LineRow(String description, String gtin, int packed, int quantity) {
        public boolean complete() {
            return packed >= quantity;
        }
    }

    private final PackingSession session;
    private final LedgerFeed ledger;
    private final TaskExecutor executor;
    private final Sounds sounds;
    private final Supplier<List<Order>> orderSource;
    private final AuditExporter auditExporter;
    private final Consumer<LedgerState> ledgerListener;

    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(Banner.IDLE);
    private final ReadOnlyStringWrapper bannerTitle = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper reasons = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper product = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper orderTitle = new ReadOnlyStringWrapper("No order open");
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("Nobody signed in");
    private final ReadOnlyStringWrapper ledgerLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Banner> ledgerLevel = new ReadOnlyObjectWrapper<>(Banner.IDLE);
    private final ReadOnlyBooleanWrapper sealEnabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper quarantinePending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper pickingOrder = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final OperatorChoices operatorChoices;
    private final ObservableList<LineRow> lines = FXCollections.observableArrayList();
    private final ObservableList<Order> orders = FXCollections.observableArrayList();
    // One read-only wrapper each: a wrapper holds its source's listener weakly, so it must live as long as we do.
    private final ObservableList<LineRow> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<UnitVerdict.CustodyStep> custodySteps = FXCollections.observableArrayList();
    private final ObservableList<UnitVerdict.CustodyStep> custodyStepsView = FXCollections.unmodifiableObservableList(custodySteps);
    private final ObservableList<Order> ordersView = FXCollections.unmodifiableObservableList(orders);
    private PackingSnapshot snapshot;
    private LedgerState ledgerState;
    private java.util.function.Function<LedgerState, Optional<String>> ledgerNote = state -> Optional.empty();

    public PackingViewModel(PackingSession session, LedgerFeed ledger, TaskExecutor executor, Sounds sounds,
            Supplier<List<Order>> orderSource, AuditExporter auditExporter, java.util.concurrent.Executor fxThread) {
        this.auditExporter = Objects.requireNonNull(auditExporter, "auditExporter");
        this.session = Objects.requireNonNull(session, "session");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.orderSource = Objects.requireNonNull(orderSource, "orderSource");
        this.ledgerListener = state -> fxThread.execute(() -> showLedger(state));
        this.operatorChoices = new OperatorChoices(session.operators());
        ledger.addListener(ledgerListener);
        executor.run(session::snapshot, s -> {
            apply(s);
            s.halted().ifPresent(why -> show(Banner.HALTED, "WORK STOPPED", why, "", List.of()));
        });
        reloadOrders();
    }

    // A session result with the session's state right after it, both taken on the worker thread.
    private record Done<T>(T outcome, PackingSnapshot snapshot) {
    }

    /** A scan from the wedge, the manual entry field or a test. */
    public void scan(String text) {
        executor.run(() -> guarded(() -> session.scan(text)), this::showScan);
    }

    /** The operator picked their name from the sign-in list. */
    public void pickOperator(Operator picked) {
        executor.run(() -> guarded(() -> session.signIn(picked.badge(), SignInMethod.PICKED_FROM_LIST)), this::showScan);
    }

    /** F1: signs the operator out; the sign-in prompt (and the pick-list) comes back. */
    public void signOut() {
        executor.run(() -> guarded(session::signOut), this::showScan);
    }

    /** F9: the blocked pack is in the quarantine bin. */
    public void confirmQuarantine() {
        executor.run(() -> guarded(session::confirmQuarantine), this::showScan);
    }

    /** An order picked from the queue. */
    public void openOrder(Order order) {
        executor.run(() -> guarded(() -> session.openOrder(order)), this::showScan);
    }

    /**
     * The demo only ({@code packguard demo}): signs in the demo operator {@code badge} and opens
     * {@code order}, so the first pack scanned is verified at once.
     */
    public void startDemo(String badge, Order order) {
        executor.run(() -> guarded(() -> {
            ScanOutcome in = session.signInDemo(badge);
            return in instanceof ScanOutcome.SignedIn ? session.openOrder(order) : in;
        }), done -> {
            showScan(done);
            if (done.outcome() instanceof ScanOutcome.OrderOpened o) {
                show(Banner.INFO, "Demo ready", "Signed in as the demo operator " + badge + "; order " + o.order().id()
                        + " is open. Scan a pack label (the demo world's packs/ folder) to see its verdict.", "", List.of());
            }
        });
    }

    // A bug must not vanish on the worker thread with the screen still saying "ready": it stops work, visibly.
    private Done<ScanOutcome> guarded(Supplier<ScanOutcome> step) {
        try {
            return new Done<>(step.get(), session.snapshot());
        } catch (RuntimeException e) {
            return new Done<>(new ScanOutcome.Halted("Unexpected error, nothing was recorded for this step: " + e),
                    session.snapshot());
        }
    }

    private void showScan(Done<ScanOutcome> done) {
        apply(done.snapshot());
        show(done.outcome());
    }

    /** F12: "Pack &amp; seal". */
    public void packAndSeal() {
        executor.run(() -> {
            try {
                return new Done<SealOutcome>(session.packAndSeal(), session.snapshot());
            } catch (RuntimeException e) {
                return new Done<SealOutcome>(new SealOutcome.Halted("Unexpected error while sealing: " + e),
                        session.snapshot());
            }
        }, r -> {
            apply(r.snapshot());
            SealOutcome o = r.outcome();
            if (o instanceof SealOutcome.Sealed s) {
                sounds.play(Sounds.Cue.PASS);
                show(Banner.INFO, "Order " + s.orderId() + " sealed",
                        s.units().size() + " verified packs recorded as dispensed. Packing slip: " + s.slip(), "", List.of());
                reloadOrders();
            } else if (o instanceof SealOutcome.NotReady n) {
                attention("Order not complete", "Still missing:\n" + bullets(n.missing()));
            } else if (o instanceof SealOutcome.Refused f) {
                attention("Cannot seal", f.why());
            } else {
                halted(((SealOutcome.Halted) o).why());
            }
        });
    }

    /** F10: writes the audit log as CSV and JSON (with its chain) for the pharmacist in charge. */
    public void exportAudit() {
        record Result(Optional<AuditExporter.Exported> exported, String problem) {
        }
        executor.run(() -> {
            try {
                return new Result(Optional.of(auditExporter.export()), "");
            } catch (AuditException | java.io.IOException | RuntimeException e) {
                return new Result(Optional.empty(), e.getMessage());
            }
        }, r -> {
            if (r.exported().isEmpty()) {
                attention("Audit export failed", r.problem());
                return;
            }
            AuditExporter.Exported x = r.exported().get();
            String chain = x.check() instanceof AuditCheck.Intact i ? "Chain intact: " + i.records() + " records, head "
                    + i.headHex().substring(0, 16) + "…" : ((AuditCheck.Tampered) x.check()).describe();
            show(x.check() instanceof AuditCheck.Intact ? Banner.INFO : Banner.HALTED, "Audit log exported",
                    chain + "\n" + x.csv() + "\n" + x.json(), "", List.of());
        });
    }

    /** Stops listening to the ledger (the screen is closing). */
    public void dispose() {
        ledger.removeListener(ledgerListener);
    }

    private void reloadOrders() {
        executor.run(orderSource, list -> orders.setAll(list));
    }

    private void show(ScanOutcome outcome) {
        if (outcome instanceof ScanOutcome.Accepted a) {
            sounds.play(Sounds.Cue.PASS);
            String desc = a.verdict().productName().orElse(a.line().description());
            List<String> notes = new java.util.ArrayList<>();
            a.ledgerWarning().ifPresent(notes::add);
            a.verdict().warnings().forEach(w -> notes.add(w.message()));
            notes.add("Verified against the ledger. " + a.packed() + " of " + a.line().quantity() + " packed for this line.");
            show(Banner.PASS, "OK to pack", String.join("\n", notes), details(desc, a.unit()), a.verdict().custody());
        } else if (outcome instanceof ScanOutcome.Blocked b) {
            sounds.play(Sounds.Cue.FAIL);
            List<UnitVerdict.CustodyStep> steps = b.verdict() instanceof UnitVerdict.Fail f ? f.custody()
                    : b.verdict() instanceof UnitVerdict.Pass p ? p.custody() : List.of();
            show(Banner.FAIL, "DO NOT PACK", bullets(b.reasons()) + "\nPut this pack in the QUARANTINE bin, then scan "
                    + "the bin label or press F9.", details("", b.unit()), steps);
        } else if (outcome instanceof ScanOutcome.Duplicate d) {
            attention("Already scanned", "This pack (" + d.key() + ") was " + (d.quarantined() ? "put in quarantine"
                    : "already packed") + " in this order. It is not counted again.");
        } else if (outcome instanceof ScanOutcome.Unreadable u) {
            attention("Cannot read the code", u.error().message() + "\nNothing was counted. Scan again or check the scanner.");
        } else if (outcome instanceof ScanOutcome.Refused r) {
            attention("Scan refused", r.why());
        } else if (outcome instanceof ScanOutcome.Halted h) {
            halted(h.why());
        } else if (outcome instanceof ScanOutcome.SignedIn s) {
            show(Banner.INFO, "Signed in", "Welcome, " + session.operators().nameOf(s.operator()) + ".", "", List.of());
        } else if (outcome instanceof ScanOutcome.SignedOut s) {
            show(Banner.INFO, "Signed out", session.operators().nameOf(s.operator()) + " signed out. Next operator: "
                    + (session.operators().configured() ? "scan your badge or pick your name." : "scan your badge."),
                    "", List.of());
        } else if (outcome instanceof ScanOutcome.OrderOpened o) {
            show(Banner.INFO, "Order " + o.order().id() + " opened", "Scan each pack.", "", List.of());
        } else if (outcome instanceof ScanOutcome.QuarantineConfirmed q) {
            show(Banner.INFO, "In quarantine", "Pack " + q.key() + " is in the quarantine bin."
                    + (q.suspectReport() ? " A suspect-product report was filed." : "") + " Scanning can go on.", "", List.of());
        }
    }

    private void attention(String title, String text) {
        sounds.play(Sounds.Cue.ATTENTION);
        show(Banner.ATTENTION, title, text, "", List.of());
    }

    private void halted(String why) {
        sounds.play(Sounds.Cue.ATTENTION);
        show(Banner.HALTED, "WORK STOPPED", why, "", List.of());
    }

    private void show(Banner level, String title, String text, String details, List<UnitVerdict.CustodyStep> steps) {
        banner.set(level);
        bannerTitle.set(title);
        reasons.set(text);
        product.set(details);
        custodySteps.setAll(steps);
    }

    private static String details(String description, ProductIdentifier unit) {
        StringBuilder sb = new StringBuilder(description.isEmpty() ? "" : description + "\n");
        sb.append("GTIN ").append(unit.gtin());
        unit.serial().ifPresent(s -> sb.append(" · serial ").append(s));
        unit.lot().ifPresent(l -> sb.append(" · lot ").append(l));
        unit.expiry().ifPresent(e -> sb.append(" · expires ").append(e));
        return sb.toString();
    }

    private static String bullets(List<String> items) {
        return String.join("\n", items.stream().map(s -> "\u2022 " + s).toList());
    }

    private void apply(PackingSnapshot s) {
        snapshot = s;
        operator.set(s.operator().map(o -> "Operator: " + session.operators().shown(o)).orElse("Nobody signed in"));
        operatorChoices.signingIn(s.stage() == PackingSnapshot.Stage.SIGN_IN);
        signedIn.set(s.operator().isPresent() && s.stage() != PackingSnapshot.Stage.HALTED);
        orderTitle.set(s.order().map(o -> "Order " + o.id()).orElse("No order open"));
        lines.setAll(s.order().map(o -> o.lines().stream()
                .map(l -> new LineRow(l.description(), l.gtin(), s.count(l), l.quantity())).toList()).orElse(List.of()));
        sealEnabled.set(s.stage() == PackingSnapshot.Stage.READY_TO_SEAL);
        quarantinePending.set(s.stage() == PackingSnapshot.Stage.QUARANTINE);
        pickingOrder.set(s.stage() == PackingSnapshot.Stage.OPEN_ORDER);
        updatePrompt();
    }

    /** {@code note} says when verification goes on under a pharmacist's stale-ledger override (FX thread). */
    public void noteLedger(java.util.function.Function<LedgerState, Optional<String>> note) {
        ledgerNote = Objects.requireNonNull(note, "note");
        refreshLedger();
    }

    /** Redraws the ledger line and prompt for the last ledger state (an override began or ended). */
    public void refreshLedger() {
        if (ledgerState != null) {
            showLedger(ledgerState);
        }
    }

    private void showLedger(LedgerState state) {
        ledgerState = state;
        Optional<String> note = state.usable() ? Optional.empty() : ledgerNote.apply(state);
        if (note.isPresent()) {
            ledgerLine.set("Ledger OVERRIDE: " + note.get());
            ledgerLevel.set(Banner.ATTENTION);
            updatePrompt();
            return;
        }
        ledgerLine.set(state.alert().isPresent() ? "Ledger SECURITY ALERT: scanning blocked"
                : !state.usable() ? "Ledger too old: scanning blocked until it is synced (" + state.summary() + ")"
                : state.freshness() == LedgerState.Freshness.STALE_WARN ? "Ledger old: " + state.summary()
                : "Ledger: " + state.summary());
        ledgerLevel.set(!state.usable() ? Banner.FAIL
                : state.freshness() == LedgerState.Freshness.STALE_WARN ? Banner.ATTENTION : Banner.PASS);
        updatePrompt();
    }

    private void updatePrompt() {
        if (snapshot == null) {
            return;
        }
        boolean ledgerBlocked = ledgerState != null && !ledgerState.usable() && ledgerNote.apply(ledgerState).isEmpty();
        prompt.set(switch (snapshot.stage()) {
            case SIGN_IN -> session.operators().configured() ? "Scan your badge, or pick your name from the list, to sign in."
                    : "Scan your badge to sign in.";
            case OPEN_ORDER -> "Scan an order barcode, or pick an order from the list.";
            case SCANNING -> ledgerBlocked ? "Scanning is blocked: the ledger cannot be used."
                    : "Scan the next pack for " + orderTitle.get() + ".";
            case QUARANTINE -> "Put the pack in the QUARANTINE bin, then scan the bin label or press F9.";
            case READY_TO_SEAL -> "Every line is complete. Press F12 to Pack & seal.";
            case HALTED -> "Work has stopped. Call the pharmacist in charge.";
        });
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTitleProperty() {
        return bannerTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonsProperty() {
        return reasons.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty productProperty() {
        return product.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty orderTitleProperty() {
        return orderTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ledgerLineProperty() {
        return ledgerLine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> ledgerLevelProperty() {
        return ledgerLevel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sealEnabledProperty() {
        return sealEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty quarantinePendingProperty() {
        return quarantinePending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pickingOrderProperty() {
        return pickingOrder.getReadOnlyProperty();
    }

    /** True while someone is signed in (sign-out is possible). */
    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    /** The sign-in pick-list: the roster's names, shown at the sign-in stage when the station has a roster. */
    public OperatorChoices operatorChoices() {
        return operatorChoices;
    }

    /** The open order's lines (read-only view). */
    public ObservableList<LineRow> lines() {
        return linesView;
    }

    /** The chain of custody of the last verdict as the verifier gave it, oldest first, for the timeline (read-only). */
    public ObservableList<UnitVerdict.CustodyStep> custodySteps() {
        return custodyStepsView;
    }

    /** Orders waiting to be packed (read-only view). */
    public ObservableList<Order> orders() {
        return ordersView;
    }
}
