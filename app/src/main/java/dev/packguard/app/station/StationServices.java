package dev.packguard.app.station;

import dev.packguard.app.config.StationConfig;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running station's long-lived parts for one configuration: the mirror, its sync and the
 * ledger monitor, with one background thread that syncs every minute and re-judges the ledger's
 * age every few seconds. The one writer to the mirror is that thread.
 */
public final class StationServices implements AutoCloseable {
    /** How often the station looks for new checkpoints. */
    public static final Duration SYNC_EVERY = Duration.ofSeconds(60);
    private static final Duration TICK_EVERY = Duration.ofSeconds(5);

    private final StationConfig config;
    private final MirrorStore store;
    private final LedgerMonitor monitor;
    private final ScheduledExecutorService background;

    private StationServices(StationConfig config, MirrorStore store, LedgerMonitor monitor,
            ScheduledExecutorService background) {
        this.config = config;
        this.store = store;
        this.monitor = monitor;
        this.background = background;
    }

    /** Opens the mirror of {@code config} and starts syncing in the background. */
    public static StationServices start(StationConfig config, Policy policy, Clock clock) throws MirrorStoreException {
        return start(config, policy, clock, MirrorStore.IndexProgress.NONE);
    }

    /**
     * As {@link #start(StationConfig, Policy, Clock)}, telling {@code progress} how a rebuild of
     * the mirror's index advances (after an upgrade: minutes for millions of entries). Blocking:
     * call off the FX thread.
     */
    public static StationServices start(StationConfig config, Policy policy, Clock clock,
            MirrorStore.IndexProgress progress) throws MirrorStoreException {
        return start(config, policy, clock, progress, Duration.ZERO);
    }

    /**
     * As {@link #start(StationConfig, Policy, Clock, MirrorStore.IndexProgress)}, the first sync
     * after {@code firstSync} (or when {@link #syncSoon()} asks): a station window syncs once its
     * screen takes scans, so that the sync's work (TLS, downloads) does not lengthen its start.
     */
    public static StationServices start(StationConfig config, Policy policy, Clock clock,
            MirrorStore.IndexProgress progress, Duration firstSync) throws MirrorStoreException {
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "packguard-ledger");
            t.setDaemon(true);
            return t;
        });
        MirrorStore store = StatementIndexer.openIndexed(config.ledger().mirror(), progress);
        try {
            LogFetcher.Settings settings = new LogFetcher.Settings(config.ledger().timeout(), 4, Duration.ofMillis(250),
                    config.ledger().parallelDownloads());
            MirrorSync sync = new MirrorSync(store, new LogFetcher(config.ledger().url(), settings),
                    new PolicyVerifier(policy, clock), clock);
            LedgerMonitor monitor = new LedgerMonitor(store, sync, config.ledger().warnAfter(),
                    config.ledger().blockAfter(), clock, background);
            background.scheduleWithFixedDelay(monitor::syncNow, firstSync.toMillis(), SYNC_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            background.scheduleWithFixedDelay(monitor::tick, TICK_EVERY.toSeconds(), TICK_EVERY.toSeconds(),
                    TimeUnit.SECONDS);
            return new StationServices(config, store, monitor, background);
        } catch (RuntimeException e) {
            background.shutdownNow();
            store.close();
            throw e;
        }
    }

    /** Asks for a sync now, on the background thread (one at a time: a sync in progress is not doubled). */
    public void syncSoon() {
        if (!background.isShutdown()) {
            background.execute(monitor::syncNow);
        }
    }

    public StationConfig config() {
        return config;
    }

    public MirrorStore store() {
        return store;
    }

    public LedgerMonitor monitor() {
        return monitor;
    }

    /** Stops the background thread (waiting for a sync in progress to finish) and closes the mirror. */
    @Override
    public void close() throws MirrorStoreException {
        background.shutdownNow();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
