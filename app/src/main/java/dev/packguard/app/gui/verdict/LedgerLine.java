package dev.packguard.app.gui.verdict;

import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The ledger line of a verdict screen: the ledger's state in words and a level (fresh, old,
 * too old or under attack), and whether the screen's work is blocked by it. Listens to the
 * ledger from construction until {@link #dispose}; states arriving on any thread are moved to
 * the FX thread, where everything else here runs.
 */
public final class LedgerLine {
    private final LedgerFeed ledger;
    private final String work;
    private final Runnable changed;
    private final Consumer<LedgerState> listener;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Banner> level = new ReadOnlyObjectWrapper<>(Banner.IDLE);
    private Optional<LedgerState> state = Optional.empty();
    private Function<LedgerState, Optional<String>> override = s -> Optional.empty();

    /**
     * A line for screen work named {@code work} ("scanning", "returns": what a useless ledger
     * blocks), calling {@code changed} on the FX thread after each new state or override.
     */
    public LedgerLine(LedgerFeed ledger, Executor fxThread, String work, Runnable changed) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.work = Objects.requireNonNull(work, "work");
        this.changed = Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(fxThread, "fxThread");
        this.listener = s -> fxThread.execute(() -> show(s));
        ledger.addListener(listener);
    }

    /**
     * {@code note} says when work goes on under a pharmacist's stale-ledger override: the line
     * then says so and the ledger no longer {@link #blocks()} (FX thread).
     */
    public void noteOverride(Function<LedgerState, Optional<String>> note) {
        override = Objects.requireNonNull(note, "note");
        refresh();
    }

    /** Redraws the line for the last ledger state (an override began or ended). */
    public void refresh() {
        state.ifPresent(this::show);
    }

    /** True when the ledger is known to be unusable and no override lets work go on. */
    public boolean blocks() {
        return state.isPresent() && !state.get().usable() && override.apply(state.get()).isEmpty();
    }

    /** Stops listening to the ledger (the screen is closing). */
    public void dispose() {
        ledger.removeListener(listener);
    }

    private void show(LedgerState s) {
        state = Optional.of(s);
        Optional<String> note = s.usable() ? Optional.empty() : override.apply(s);
        if (note.isPresent()) {
            text.set("Ledger OVERRIDE: " + note.get());
            level.set(Banner.ATTENTION);
        } else {
            text.set(s.alert().isPresent() ? "Ledger SECURITY ALERT: " + work + " blocked"
                    : !s.usable() ? "Ledger too old: " + work + " blocked until it is synced (" + s.summary() + ")"
                    : s.freshness() == LedgerState.Freshness.STALE_WARN ? "Ledger old: " + s.summary()
                    : "Ledger: " + s.summary());
            level.set(!s.usable() ? Banner.FAIL
                    : s.freshness() == LedgerState.Freshness.STALE_WARN ? Banner.ATTENTION : Banner.PASS);
        }
        changed.run();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> levelProperty() {
        return level.getReadOnlyProperty();
    }
}
