package dev.packguard.app.gui.pharmacist;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.station.Ages;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.OutboxException;
import dev.packguard.app.station.packing.UndoOutcome;
import dev.packguard.app.station.pharmacist.StaleLedgerOverride;
import dev.packguard.app.station.pharmacist.UndoDesk;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pharmacist screen (F11): undo of a dispense sealed here within the window, and the
 * stale-ledger override. PIN checks, audit writes and outbox reads run on {@code executor} (the
 * packing session's worker); results reach these properties on the FX thread. The PIN is handed
 * on as a char array and cleared by the workflow; it is never kept or shown.
 */
public final class PharmacistViewModel {
    /** How a result line is drawn (colour, mark and words). */
    public enum Level {
        NONE(""), OK("\u2714 "), REFUSED("\u2716 "), WARN("\u26A0 ");

        private final String mark;

        Level(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    /** A sealed order that may be undone, as listed. */
    public record UndoRow(String orderId, String text) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final UndoDesk desk;
    private final StaleLedgerOverride override;
    private final LedgerFeed ledger;
    private final TaskExecutor executor;
    private final Runnable overrideChanged;
    private final Consumer<LedgerState> ledgerListener;
    private final ObservableList<UndoRow> undoable = FXCollections.observableArrayList();
    private final ObservableList<UndoRow> undoableView = FXCollections.unmodifiableObservableList(undoable);
    private final ReadOnlyStringWrapper undoResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Level> undoLevel = new ReadOnlyObjectWrapper<>(Level.NONE);
    private final ReadOnlyStringWrapper overrideState = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Level> overrideLevel = new ReadOnlyObjectWrapper<>(Level.NONE);
    private final ReadOnlyBooleanWrapper overrideAllowed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper overrideResult = new ReadOnlyStringWrapper("");
    private LedgerState ledgerState;

    /** {@code overrideChanged} runs on the FX thread after an override is granted (to redraw the ledger pills). */
    public PharmacistViewModel(UndoDesk desk, StaleLedgerOverride override, LedgerFeed ledger, TaskExecutor executor,
            Executor fxThread, Runnable overrideChanged) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.override = Objects.requireNonNull(override, "override");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.overrideChanged = Objects.requireNonNull(overrideChanged, "overrideChanged");
        this.ledgerListener = state -> fxThread.execute(() -> showLedger(state));
        ledger.addListener(ledgerListener);
    }

    /** Reloads the orders that may be undone (when the screen is put on show). */
    public void reload() {
        record Loaded(List<Outbox.SealedOrder> orders, Optional<String> problem) {
        }
        executor.run(() -> {
            try {
                return new Loaded(desk.undoable(), Optional.empty());
            } catch (OutboxException e) {
                return new Loaded(List.of(), Optional.of(e.getMessage()));
            }
        }, r -> {
            undoable.setAll(r.orders().stream().map(o -> new UndoRow(o.orderId(), o.orderId() + " · sealed "
                    + TIME.format(o.sealedAt()) + " UTC by " + o.operator() + " · " + o.units().size() + " packs")).toList());
            r.problem().ifPresent(p -> result(undoResult, undoLevel, Level.REFUSED, "The outbox cannot be read: " + p));
        });
        if (ledgerState != null) {
            showLedger(ledgerState);
        }
    }

    /** Undoes {@code row}'s dispense; {@code pin} is cleared once checked. */
    public void undo(Optional<UndoRow> row, String pharmacistId, char[] pin, String reason) {
        if (row.isEmpty()) {
            java.util.Arrays.fill(pin, '\0');
            result(undoResult, undoLevel, Level.REFUSED, "Pick the order to undo from the list.");
            return;
        }
        String orderId = row.get().orderId();
        executor.run(() -> desk.undo(orderId, pharmacistId, pin, reason), o -> {
            if (o instanceof UndoOutcome.Undone u) {
                result(undoResult, undoLevel, Level.OK, "Order " + u.orderId() + " undone: " + u.units().size()
                        + " packs are back in stock; undo statements are queued for the ledger.");
            } else if (o instanceof UndoOutcome.Refused r) {
                result(undoResult, undoLevel, Level.REFUSED, "Not undone: " + r.why());
            } else {
                result(undoResult, undoLevel, Level.REFUSED, "WORK STOPPED: " + ((UndoOutcome.Halted) o).why());
            }
            reload();
        });
    }

    /** Asks for the stale-ledger override; {@code pin} is cleared once checked. */
    public void requestOverride(String pharmacistId, char[] pin, String reason) {
        LedgerState state = ledger.current();
        executor.run(() -> override.grant(pharmacistId, pin, reason, state), o -> {
            if (o instanceof StaleLedgerOverride.Outcome.Granted g) {
                result(overrideResult, overrideLevel, Level.WARN, "Override granted: " + g.grant().warning(g.grant().grantedAt()));
                overrideChanged.run();
            } else {
                result(overrideResult, overrideLevel, Level.REFUSED, "No override: " + ((StaleLedgerOverride.Outcome.Refused) o).why());
            }
            showLedger(ledger.current());
        });
    }

    /** Stops listening to the ledger. */
    public void dispose() {
        ledger.removeListener(ledgerListener);
    }

    private void showLedger(LedgerState state) {
        ledgerState = state;
        Optional<String> active = override.describe(state);
        overrideAllowed.set(active.isEmpty() && StaleLedgerOverride.overridable(state));
        if (state.alert().isPresent()) {
            overrideState.set("SECURITY ALERT on the ledger: it cannot be overridden. The pharmacist in charge must "
                    + "investigate (packguard ledger evidence).");
        } else if (active.isPresent()) {
            overrideState.set("Override in force. " + active.get());
        } else if (StaleLedgerOverride.overridable(state)) {
            overrideState.set("The ledger is too old (" + state.age().map(Ages::describe).orElse("?") + "): scanning is "
                    + "blocked. A pharmacist may allow verification against it until it is synced, for "
                    + StaleLedgerOverride.MAX.toHours() + " h at most.");
        } else if (state.verified().isEmpty()) {
            overrideState.set("No verified ledger yet: it must be synced; this cannot be overridden.");
        } else {
            overrideState.set("The ledger is usable: no override is needed.");
        }
    }

    private static void result(ReadOnlyStringWrapper text, ReadOnlyObjectWrapper<Level> level, Level l, String words) {
        level.set(l);
        text.set(l.mark() + words);
    }

    /** The orders that may be undone, newest first (read-only). */
    public ObservableList<UndoRow> undoable() {
        return undoableView;
    }

    public ReadOnlyStringProperty undoResultProperty() {
        return undoResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Level> undoLevelProperty() {
        return undoLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overrideStateProperty() {
        return overrideState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Level> overrideLevelProperty() {
        return overrideLevel.getReadOnlyProperty();
    }

    /** True when an override may be requested (blocked by age alone, none in force). */
    public ReadOnlyBooleanProperty overrideAllowedProperty() {
        return overrideAllowed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overrideResultProperty() {
        return overrideResult.getReadOnlyProperty();
    }
}
