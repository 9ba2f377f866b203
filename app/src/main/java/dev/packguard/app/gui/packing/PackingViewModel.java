package dev.packguard.app.gui.packing;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.operators.OperatorChoices;
import dev.packguard.app.gui.verdict.Banner;
import dev.packguard.app.gui.verdict.BannerModel;
import dev.packguard.app.gui.verdict.LedgerLine;
import dev.packguard.app.gui.verdict.Prompts;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the packing screen shows, and what its keys and buttons do. The session's work
 * (audit writes, verification) runs on {@code executor}; results come back on the FX thread
 * and only then touch these properties. Ledger states arrive on any thread and are moved onto
 * the FX thread through {@code fxThread}. The banner and ledger line are the verdict screens'
 * shared {@link BannerModel} and {@link LedgerLine}.
 */
public final class PackingViewModel {
    /** A line of the open order as shown: {@code packed} of {@code quantity}. */
    public record LineRow(String description, String gtin, int packed, int quantity) {
        public boolean complete() {
            return packed >= quantity;
        }
    }

    private final PackingSession session;
    private final TaskExecutor executor;
    private final Sounds sounds;
    private final Supplier<List<Order>> orderSource;
    private final AuditExporter auditExporter;
    private final BannerModel banner;
    private final LedgerLine ledgerLine;

    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper orderTitle = new ReadOnlyStringWrapper("No order open");
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("Nobody signed in");
    private final ReadOnlyBooleanWrapper sealEnabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper quarantinePending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper pickingOrder = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final OperatorChoices operatorChoices;
    private final ObservableList<LineRow> lines = FXCollections.observableArrayList();
    private final ObservableList<Order> orders = FXCollections.observableArrayList();
    // One read-only wrapper each: a wrapper holds its source's listener weakly, so it must live as long as we do.
    private final ObservableList<LineRow> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<Order> ordersView = FXCollections.unmodifiableObservableList(orders);
    private PackingSnapshot snapshot;

    public PackingViewModel(PackingSession session, LedgerFeed ledger, TaskExecutor executor, Sounds sounds,
            Supplier<List<Order>> orderSource, AuditExporter auditExporter, java.util.concurrent.Executor fxThread) {
        this.auditExporter = Objects.requireNonNull(auditExporter, "auditExporter");
        this.session = Objects.requireNonNull(session, "session");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.orderSource = Objects.requireNonNull(orderSource, "orderSource");
        this.banner = new BannerModel("Ready", sounds, BannerModel.Timeline.LAST_VERDICT);
        this.ledgerLine = new LedgerLine(ledger, fxThread, "scanning", this::updatePrompt);
        this.operatorChoices = new OperatorChoices(session.operators());
        executor.run(session::snapshot, s -> {
            apply(s);
            s.halted().ifPresent(why -> banner.show(Banner.HALTED, "WORK STOPPED", why, ""));
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
                banner.show(Banner.INFO, "Demo ready", "Signed in as the demo operator " + badge + "; order " + o.order().id()
                        + " is open. Scan a pack label (the demo world's packs/ folder) to see its verdict.", "");
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
                banner.show(Banner.INFO, "Order " + s.orderId() + " sealed",
                        s.units().size() + " verified packs recorded as dispensed. Packing slip: " + s.slip(), "");
                reloadOrders();
            } else if (o instanceof SealOutcome.NotReady n) {
                banner.attention("Order not complete", "Still missing:\n" + BannerModel.bullets(n.missing()));
            } else if (o instanceof SealOutcome.Refused f) {
                banner.attention("Cannot seal", f.why());
            } else {
                banner.halted(((SealOutcome.Halted) o).why());
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
                banner.attention("Audit export failed", r.problem());
                return;
            }
            AuditExporter.Exported x = r.exported().get();
            String chain = x.check() instanceof AuditCheck.Intact i ? "Chain intact: " + i.records() + " records, head "
                    + i.headHex().substring(0, 16) + "…" : ((AuditCheck.Tampered) x.check()).describe();
            banner.show(x.check() instanceof AuditCheck.Intact ? Banner.INFO : Banner.HALTED, "Audit log exported",
                    chain + "\n" + x.csv() + "\n" + x.json(), "");
        });
    }

    /** Stops listening to the ledger (the screen is closing). */
    public void dispose() {
        ledgerLine.dispose();
    }

    private void reloadOrders() {
        executor.run(orderSource, list -> orders.setAll(list));
    }

    private void show(ScanOutcome outcome) {
        if (outcome instanceof ScanOutcome.Accepted a) {
            sounds.play(Sounds.Cue.PASS);
            String desc = a.verdict().productName().orElse(a.line().description());
            banner.show(Banner.PASS, "OK to pack", BannerModel.passNotes(a.ledgerWarning(), a.verdict(), "Verified against the "
                    + "ledger. " + a.packed() + " of " + a.line().quantity() + " packed for this line."),
                    BannerModel.details(desc, a.unit()), a.verdict().custody());
        } else if (outcome instanceof ScanOutcome.Blocked b) {
            sounds.play(Sounds.Cue.FAIL);
            List<UnitVerdict.CustodyStep> steps = b.verdict() instanceof UnitVerdict.Fail f ? f.custody()
                    : b.verdict() instanceof UnitVerdict.Pass p ? p.custody() : List.of();
            banner.show(Banner.FAIL, "DO NOT PACK", BannerModel.bullets(b.reasons()) + "\n"
                    + BannerModel.QUARANTINE_INSTRUCTION, BannerModel.details("", b.unit()), steps);
        } else if (outcome instanceof ScanOutcome.Duplicate d) {
            banner.attention("Already scanned", "This pack (" + d.key() + ") was " + (d.quarantined() ? "put in quarantine"
                    : "already packed") + " in this order. It is not counted again.");
        } else if (outcome instanceof ScanOutcome.Unreadable u) {
            banner.attention("Cannot read the code", u.error().message()
                    + "\nNothing was counted. Scan again or check the scanner.");
        } else if (outcome instanceof ScanOutcome.Refused r) {
            banner.attention("Scan refused", r.why());
        } else if (outcome instanceof ScanOutcome.Halted h) {
            banner.halted(h.why());
        } else if (outcome instanceof ScanOutcome.SignedIn s) {
            banner.show(Banner.INFO, "Signed in", "Welcome, " + session.operators().nameOf(s.operator()) + ".", "");
        } else if (outcome instanceof ScanOutcome.SignedOut s) {
            banner.show(Banner.INFO, "Signed out", session.operators().nameOf(s.operator()) + " signed out. Next operator: "
                    + (session.operators().configured() ? "scan your badge or pick your name." : "scan your badge."), "");
        } else if (outcome instanceof ScanOutcome.OrderOpened o) {
            banner.show(Banner.INFO, "Order " + o.order().id() + " opened", "Scan each pack.", "");
        } else if (outcome instanceof ScanOutcome.QuarantineConfirmed q) {
            banner.show(Banner.INFO, "In quarantine", "Pack " + q.key() + " is in the quarantine bin."
                    + (q.suspectReport() ? " A suspect-product report was filed." : "") + " Scanning can go on.", "");
        }
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

    private void updatePrompt() {
        if (snapshot == null) {
            return;
        }
        boolean ledgerBlocked = ledgerLine.blocks();
        prompt.set(switch (snapshot.stage()) {
            case SIGN_IN -> session.operators().configured() ? Prompts.SIGN_IN_OR_PICK : Prompts.SIGN_IN;
            case OPEN_ORDER -> "Scan an order barcode, or pick an order from the list.";
            case SCANNING -> ledgerBlocked ? "Scanning is blocked: the ledger cannot be used."
                    : "Scan the next pack for " + orderTitle.get() + ".";
            case QUARANTINE -> Prompts.QUARANTINE;
            case READY_TO_SEAL -> "Every line is complete. Press F12 to Pack & seal.";
            case HALTED -> Prompts.HALTED;
        });
    }

    /** The verdict banner and the custody timeline under it. */
    public BannerModel banner() {
        return banner;
    }

    /** The ledger's state on the prompt bar. */
    public LedgerLine ledgerLine() {
        return ledgerLine;
    }

    /** The banner's level (as {@code banner().levelProperty()}). */
    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.levelProperty();
    }

    /** The banner's title (as {@code banner().titleProperty()}). */
    public ReadOnlyStringProperty bannerTitleProperty() {
        return banner.titleProperty();
    }

    /** The banner's reasons (as {@code banner().reasonsProperty()}). */
    public ReadOnlyStringProperty reasonsProperty() {
        return banner.reasonsProperty();
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

    /** Orders waiting to be packed (read-only view). */
    public ObservableList<Order> orders() {
        return ordersView;
    }
}
