package dev.packguard.app.station;

import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.SyncProgress;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the station's ledger current in the background and tells listeners what it knows:
 * syncs on request (never two at once), re-judges the age on every clock tick, and raises a
 * security alert that stays (across restarts) until the pharmacist in charge acknowledges it. No JavaFX here:
 * listeners are called on the background thread and the view model moves the state onto the
 * FX thread.
 */
public final class LedgerMonitor {
    private final MirrorStore store;
    private final MirrorSync sync;
    private final Duration warnAfter;
    private final Duration blockAfter;
    private final Clock clock;
    private final Executor background;
    private final List<Consumer<LedgerState>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile LedgerState state;

    /** A monitor over {@code store}, syncing with {@code sync} on {@code background} (same-thread in tests). */
    public LedgerMonitor(MirrorStore store, MirrorSync sync, Duration warnAfter, Duration blockAfter, Clock clock,
            Executor background) throws MirrorStoreException {
        this.store = store;
        this.sync = sync;
        this.warnAfter = warnAfter;
        this.blockAfter = blockAfter;
        this.clock = clock;
        this.background = background;
        Optional<VerifiedCheckpoint> local = store.verified();
        int open = store.unacknowledgedEvidence();
        Optional<String> alert = open == 0 ? Optional.empty() : Optional.of(open + " recorded security failure(s) "
                + "not yet acknowledged by the pharmacist in charge (packguard ledger evidence)");
        this.state = judge(LedgerState.Connection.UNKNOWN, local, Optional.empty(), alert,
                local.isPresent() ? "Local copy loaded; not yet synced in this session." : "No verified ledger yet.");
    }

    /** Adds a listener and calls it at once with the current state. */
    public void addListener(Consumer<LedgerState> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    public void removeListener(Consumer<LedgerState> listener) {
        listeners.remove(listener);
    }

    /** The latest state. */
    public LedgerState current() {
        return state;
    }

    /** Starts a sync in the background unless one is running; returns false if one was. */
    public boolean syncNow() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        background.execute(() -> {
            try {
                runSync();
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    /** Re-judges the age against the clock (call every few seconds) and tells listeners. */
    public void tick() {
        LedgerState s = state;
        publish(judge(s.connection(), s.verified(), s.syncing(), s.alert(), s.detail()));
    }

    /**
     * The pharmacist in charge {@code by} has investigated every open security failure and
     * records {@code finding}; the evidence stays in the mirror. A write failure keeps the alert.
     */
    public void acknowledgeAlert(String by, String finding) throws MirrorStoreException {
        for (var r : store.recordedEvidence()) {
            if (r.acknowledgement().isEmpty()) {
                store.acknowledge(r.id(), by, finding, clock.instant());
            }
        }
        LedgerState s = state;
        publish(judge(s.connection(), s.verified(), s.syncing(), Optional.empty(),
                "Security alert acknowledged by " + by + "."));
    }

    private void runSync() {
        LedgerState before = state;
        Consumer<SyncProgress> progress = p -> publish(judge(before.connection(), before.verified(), Optional.of(p),
                before.alert(), "Synchronising: " + p.describe()));
        SyncResult result;
        try {
            result = sync.sync(progress);
        } catch (MirrorStoreException e) {
            publish(judge(before.connection(), before.verified(), Optional.empty(), before.alert(),
                    "Cannot write the ledger mirror: " + e.getMessage()));
            return;
        }
        LedgerState now = state;
        if (result instanceof SyncResult.Synced s) {
            publish(judge(LedgerState.Connection.ONLINE, Optional.of(s.checkpoint()), Optional.empty(), now.alert(),
                    String.format("Synced %,d new entries.", s.newEntries())));
        } else if (result instanceof SyncResult.UpToDate u) {
            publish(judge(LedgerState.Connection.ONLINE, Optional.of(u.checkpoint()), Optional.empty(), now.alert(),
                    "Up to date."));
        } else if (result instanceof SyncResult.Offline o) {
            publish(judge(LedgerState.Connection.OFFLINE, o.local(), Optional.empty(), now.alert(),
                    "Offline: " + o.reason()));
        } else {
            SyncResult.SecurityFailure f = (SyncResult.SecurityFailure) result;
            publish(judge(LedgerState.Connection.ONLINE, f.local(), Optional.empty(), Optional.of(f.reason()),
                    "Security failure: " + f.reason()));
        }
    }

    private LedgerState judge(LedgerState.Connection connection, Optional<VerifiedCheckpoint> verified,
            Optional<SyncProgress> syncing, Optional<String> alert, String detail) {
        var now = clock.instant();
        Optional<Duration> age = verified.map(v -> {
            Duration d = Duration.between(v.asOf(), now);
            return d.isNegative() ? Duration.ZERO : d;
        });
        return new LedgerState(connection, verified, age, LedgerState.freshness(verified, now, warnAfter, blockAfter),
                syncing, alert, detail);
    }

    private void publish(LedgerState next) {
        state = next;
        for (Consumer<LedgerState> l : listeners) {
            l.accept(next);
        }
    }
}
