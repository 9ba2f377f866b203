package dev.packguard.app.gui.main;

import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.publish.PublishStatus;
import dev.packguard.app.station.publish.Publisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the station shell: what the header, work area and status bar show. Holds all the
 * logic; {@link MainView} only binds to these read-only properties. Ledger states arrive on a
 * background thread and are moved onto the FX thread through {@code fxThread}.
 */
public final class MainViewModel {
    /** How the ledger pill is drawn: colour, icon and words together. */
    public enum LedgerLevel {
        NEUTRAL, OK, WARN, BLOCKED, ALERT
    }

    private final ReadOnlyStringWrapper ledgerStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper ledgerDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LedgerLevel> ledgerLevel = new ReadOnlyObjectWrapper<>(LedgerLevel.NEUTRAL);
    private final ReadOnlyStringWrapper workAreaHint = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper configuration = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("No operator signed in");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper publishStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper publishDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PublishStatus.Level> publishLevel = new ReadOnlyObjectWrapper<>(PublishStatus.Level.OK);
    private Optional<LedgerMonitor> monitor;
    private final Consumer<LedgerState> listener;
    private Optional<Publisher> publisher = Optional.empty();
    private Consumer<PublishStatus> publishListener = status -> { };
    private final Executor fxThread;
    private java.util.function.Function<LedgerState, Optional<String>> ledgerNote = state -> Optional.empty();
    private LedgerState lastLedger;

    /**
     * A shell for PackGuard {@code version}. {@code configuration} describes the configuration
     * in use (or why there is none); {@code monitor} is present when a ledger is configured.
     */
    public MainViewModel(String version, String configuration, Optional<String> problem,
            Optional<LedgerMonitor> monitor, Executor fxThread) {
        this.version.set("PackGuard " + Objects.requireNonNull(version, "version"));
        this.configuration.set(configuration);
        this.monitor = monitor;
        if (problem.isPresent()) {
            ledgerStatus.set("Ledger: not configured");
            workAreaHint.set(problem.get());
        } else if (monitor.isEmpty()) {
            ledgerStatus.set("Ledger: not configured");
            workAreaHint.set("No station configuration. Start with --config FILE, or run ./packguard demo.");
        } else {
            workAreaHint.set("Scan a pack or open an order to begin.");
        }
        this.fxThread = fxThread;
        this.listener = state -> fxThread.execute(() -> show(state));
        monitor.ifPresent(m -> m.addListener(listener));
    }

    /**
     * {@code note} says when verification goes on under a pharmacist's stale-ledger override;
     * the pill then says so. Call on the FX thread; {@link #refreshLedger} after the override changes.
     */
    public void noteLedger(java.util.function.Function<LedgerState, Optional<String>> note) {
        ledgerNote = Objects.requireNonNull(note, "note");
        refreshLedger();
    }

    /** Redraws the pill for the last ledger state (an override began or ended). */
    public void refreshLedger() {
        if (lastLedger != null) {
            show(lastLedger);
        }
    }

    /**
     * A shell whose station is still starting: {@code configuration} names the file, and the
     * work area says the ledger is being prepared until {@link #ready} or {@link #failed}.
     */
    public static MainViewModel preparing(String version, String configuration, Executor fxThread) {
        MainViewModel vm = new MainViewModel(version, configuration, Optional.empty(), Optional.empty(), fxThread);
        vm.ledgerStatus.set("Ledger: preparing\u2026");
        vm.preparing("Preparing the ledger\u2026");
        return vm;
    }

    /** Shows in the work area what the start-up is doing ({@code text}, e.g. index rebuild progress). FX thread only. */
    public void preparing(String text) {
        workAreaHint.set(text);
    }

    /**
     * The station has started: shows {@code configuration} and from now on the states of
     * {@code monitor}. FX thread only; at most once, on a shell made without a monitor.
     */
    public void ready(String configuration, LedgerMonitor monitor) {
        if (this.monitor.isPresent()) {
            throw new IllegalStateException("the shell already follows a ledger monitor");
        }
        this.configuration.set(configuration);
        this.monitor = Optional.of(monitor);
        monitor.addListener(listener);
    }

    /** The station could not start: {@code problem} says why, in the work area. FX thread only. */
    public void failed(String problem) {
        ledgerStatus.set("Ledger: not configured");
        workAreaHint.set(problem);
    }

    private void show(LedgerState state) {
        lastLedger = state;
        Optional<String> note = ledgerNote.apply(state);
        if (note.isPresent()) {
            ledgerStatus.set("Ledger: OVERRIDE · " + state.summary());
            ledgerDetail.set(note.get());
            ledgerLevel.set(LedgerLevel.WARN);
            return;
        }
        ledgerStatus.set("Ledger: " + state.summary());
        ledgerDetail.set(state.alert().map(a -> "Security alert: " + a + " Verification is blocked until the "
                + "pharmacist in charge has investigated.").orElse(state.detail()));
        LedgerLevel level;
        if (state.alert().isPresent()) {
            level = LedgerLevel.ALERT;
        } else if (state.freshness() == LedgerState.Freshness.BLOCKED) {
            level = LedgerLevel.BLOCKED;
        } else if (state.freshness() == LedgerState.Freshness.STALE_WARN
                || state.connection() == LedgerState.Connection.OFFLINE) {
            level = LedgerLevel.WARN;
        } else {
            level = LedgerLevel.OK;
        }
        ledgerLevel.set(level);
    }

    /**
     * Shows how the station's own statements are publishing (pending count and age, refusals,
     * why it cannot sign) in the status bar, e.g. "3 statements waiting to be published (oldest 2 h)".
     */
    public void watchPublishing(Publisher p) {
        watchPublishing(p, Clock.systemUTC());
    }

    /** As {@link #watchPublishing(Publisher)}, ages measured with {@code clock}. */
    public void watchPublishing(Publisher p, Clock clock) {
        publisher.ifPresent(old -> old.removeListener(publishListener));
        publisher = Optional.of(p);
        publishListener = status -> fxThread.execute(() -> show(status, clock.instant()));
        p.addListener(publishListener);
    }

    void show(PublishStatus status, Instant now) {
        publishStatus.set("Ledger statements: " + status.summary(now));
        publishDetail.set(status.detail());
        publishLevel.set(status.level());
    }

    /** Stops listening to the monitor and the publisher (when the window closes). */
    public void dispose() {
        monitor.ifPresent(m -> m.removeListener(listener));
        publisher.ifPresent(p -> p.removeListener(publishListener));
    }

    public ReadOnlyStringProperty publishStatusProperty() {
        return publishStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty publishDetailProperty() {
        return publishDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PublishStatus.Level> publishLevelProperty() {
        return publishLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ledgerStatusProperty() {
        return ledgerStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ledgerDetailProperty() {
        return ledgerDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LedgerLevel> ledgerLevelProperty() {
        return ledgerLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workAreaHintProperty() {
        return workAreaHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
