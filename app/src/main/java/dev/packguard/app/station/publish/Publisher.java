package dev.packguard.app.station.publish;

import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.OutboxException;
import dev.packguard.app.station.signing.StationSigning;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes the station's outbox to the ledger node, oldest first, on its own background thread
 * (never the FX thread): a round every {@link #EVERY} and right after anything is queued (a
 * seal, an undo, a report: {@link Outbox#onQueued}, {@link #nudge()}).
 * Each entry the node accepts is marked published with its log index; a refusal (400, 409, 413)
 * marks that entry refused with the node's reason, never to be retried, and the round goes on;
 * a failure (node down, 503, timeout) ends the round, keeping the order, and the next round waits
 * longer each time ({@link #FIRST_RETRY} doubling up to {@link #LONGEST_RETRY}). Listeners get a
 * {@link PublishStatus} after every round, on the publisher's thread.
 */
public final class Publisher implements AutoCloseable {
    /** How often the outbox is looked at when all is well. */
    public static final Duration EVERY = Duration.ofSeconds(30);
    /** The wait after the first failed round. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** The longest wait between rounds while the node cannot be reached. */
    public static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    /**
     * After a round that published entries, when the ledger is asked to sync, as long as its
     * verified checkpoint does not hold them yet: a node publishes a checkpoint within a second or
     * so of accepting an entry, the later tries are for a slow node or witness.
     */
    static final List<Duration> SYNC_AFTER = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10));

    /** What one round did. */
    public record Round(int published, int refused, Optional<String> failure) {
    }

    private final Outbox outbox;
    private final Outbox.Sender sender;
    private final StationSigning signing;
    private final Clock clock;
    private final Optional<ScheduledExecutorService> thread;
    private final List<Consumer<PublishStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object schedule = new Object();
    private ScheduledFuture<?> next;
    private boolean running;
    private boolean again;
    private int failures;
    private Optional<String> lastError = Optional.empty();
    private volatile PublishStatus status = PublishStatus.unknown();
    private final List<Runnable> unwatch = new CopyOnWriteArrayList<>();
    // The highest log index the node gave an entry of ours; -1 before the first.
    private volatile long highestPublished = -1;
    private volatile Optional<Runnable> syncSoon = Optional.empty();

    private Publisher(Outbox outbox, Outbox.Sender sender, StationSigning signing, Clock clock,
            Optional<ScheduledExecutorService> thread) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.signing = Objects.requireNonNull(signing, "signing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = thread;
    }

    /** Starts publishing on a background thread; the first round runs at once. */
    public static Publisher start(Outbox outbox, Outbox.Sender sender, StationSigning signing, Clock clock) {
        return start(outbox, sender, signing, clock, Duration.ZERO);
    }

    /**
     * Starts publishing on a background thread; the first round runs after {@code firstRound}, or
     * sooner when {@link #nudge() nudged} (a station starting up nudges it once its rules are
     * warm: the first round checks the signing key against the ledger's party directory, work
     * the start-up should not compete with).
     */
    public static Publisher start(Outbox outbox, Outbox.Sender sender, StationSigning signing, Clock clock,
            Duration firstRound) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "packguard-publisher");
            th.setDaemon(true);
            return th;
        });
        // On close, a round in progress finishes; rounds merely scheduled are dropped.
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        Publisher p = new Publisher(outbox, sender, signing, clock, Optional.of(t));
        outbox.onQueued(p::nudge);
        p.schedule(firstRound);
        return p;
    }

    /** A publisher without a thread: rounds run only when {@link #publishNow()} is called (tests, the CLI). */
    public static Publisher manual(Outbox outbox, Outbox.Sender sender, StationSigning signing, Clock clock) {
        return new Publisher(outbox, sender, signing, clock, Optional.empty());
    }

    /** Runs a round now, on the calling thread: sends what is pending, in order, until one fails. */
    public synchronized Round publishNow() {
        int published = 0;
        int refused = 0;
        Optional<String> failure = Optional.empty();
        try {
            for (Outbox.Entry e : outbox.pending()) {
                Optional<Outbox.Answer> answer = outbox.send(e, sender, clock.instant());
                if (answer.isPresent() && answer.get() instanceof Outbox.Answer.Accepted a) {
                    published++;
                    highestPublished = Math.max(highestPublished, a.index());
                } else if (answer.isPresent() && answer.get() instanceof Outbox.Answer.Refused) {
                    refused++;
                } else if (answer.isPresent() && answer.get() instanceof Outbox.Answer.Failed f) {
                    failure = Optional.of(f.why());
                    break;
                }
            }
        } catch (OutboxException e) {
            failure = Optional.of(e.getMessage());
        }
        failures = failure.isPresent() ? failures + 1 : 0;
        lastError = failure;
        refreshStatus();
        return new Round(published, refused, failure);
    }

    /** Asks for a round as soon as possible (after a seal); a no-op for a {@link #manual} publisher. */
    public void nudge() {
        schedule(Duration.ZERO);
    }

    /**
     * Re-reads the outbox and the signing key's standing and tells listeners, without sending:
     * for when the ledger changed (after a sync the key may be confirmed). On the publisher's
     * thread, after any round in progress; at once for a {@link #manual} publisher.
     */
    public void refreshSoon() {
        if (thread.isEmpty()) {
            refreshNow();
        } else if (!thread.get().isShutdown()) {
            thread.get().execute(this::refreshNow);
        }
    }

    /**
     * Re-checks the status whenever {@code ledger} reports a checkpoint of a new size (after a
     * sync the signing key may be confirmed, or revoked); stops when the publisher closes.
     */
    public void watch(LedgerFeed ledger) {
        long[] size = {-1};
        Consumer<LedgerState> listener = state -> {
            long now = state.verified().map(v -> v.size()).orElse(0L);
            synchronized (size) {
                if (now == size[0]) {
                    return;
                }
                size[0] = now;
            }
            refreshSoon();
        };
        ledger.addListener(listener);
        unwatch.add(() -> ledger.removeListener(listener));
    }

    /**
     * Once a round has published entries, asks {@code sync} to sync the ledger ({@link #SYNC_AFTER}
     * later) until {@code ledger}'s verified checkpoint holds the last of them, instead of waiting
     * for the station's regular sync: the station's own statements are then in its verified mirror
     * within seconds of being published. Runs on the publisher's thread; {@code sync} must not
     * block (LedgerMonitor::syncNow starts one in the background). A no-op for a {@link #manual}
     * publisher.
     */
    public void syncAfterPublishing(LedgerFeed ledger, Runnable sync) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(sync, "sync");
        syncSoon = Optional.of(() -> scheduleSync(ledger, sync, highestPublished, 0));
    }

    private void scheduleSync(LedgerFeed ledger, Runnable sync, long index, int attempt) {
        if (attempt >= SYNC_AFTER.size() || thread.isEmpty() || thread.get().isShutdown()) {
            return;
        }
        try {
            thread.get().schedule(() -> {
                long verified = ledger.current().verified().map(v -> v.size()).orElse(0L);
                if (verified <= index) {
                    sync.run();
                    scheduleSync(ledger, sync, index, attempt + 1);
                }
            }, SYNC_AFTER.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The publisher is closing: the station's regular sync is stopping too.
        }
    }

    private synchronized void refreshNow() {
        refreshStatus();
    }

    /** The latest status. */
    public PublishStatus status() {
        return status;
    }

    /** Adds a listener and calls it at once with the latest status; later calls come on the publisher's thread. */
    public void addListener(Consumer<PublishStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    public void removeListener(Consumer<PublishStatus> listener) {
        listeners.remove(listener);
    }

    /** The wait before the next round after {@code failures} failed rounds in a row. */
    static Duration delayAfter(int failures) {
        if (failures == 0) {
            return EVERY;
        }
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    private void refreshStatus() {
        Optional<String> signingProblem = signing.status() instanceof StationSigning.Status.Unavailable u
                ? Optional.of(u.why()) : Optional.empty();
        PublishStatus now;
        try {
            Outbox.Status s = outbox.status();
            now = new PublishStatus(s.pending(), s.oldestPending(), s.refused(), s.lastRefusal(), lastError, signingProblem);
        } catch (OutboxException e) {
            now = new PublishStatus(status.pending(), status.oldestPending(), status.refused(), status.lastRefusal(),
                    Optional.of(e.getMessage()), signingProblem);
        }
        status = now;
        for (Consumer<PublishStatus> l : listeners) {
            l.accept(now);
        }
    }

    private void round() {
        synchronized (schedule) {
            running = true;
            next = null;
        }
        try {
            if (publishNow().published() > 0) {
                syncSoon.ifPresent(Runnable::run);
            }
        } finally {
            Duration wait;
            synchronized (this) {
                wait = delayAfter(failures);
            }
            synchronized (schedule) {
                running = false;
                // A seal during the round may have queued entries the round did not see.
                if (again) {
                    again = false;
                    wait = Duration.ZERO;
                }
            }
            schedule(wait);
        }
    }

    private void schedule(Duration delay) {
        if (thread.isEmpty() || thread.get().isShutdown()) {
            return;
        }
        synchronized (schedule) {
            if (running) {
                again |= delay.isZero();
                return; // the running round schedules the next one when it ends
            }
            if (next != null && !next.isDone()) {
                if (next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                    return; // a round is due sooner anyway
                }
                next.cancel(false);
            }
            next = thread.get().schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the thread, letting a round in progress finish. */
    @Override
    public void close() {
        unwatch.forEach(Runnable::run);
        thread.ifPresent(t -> {
            t.shutdown();
            try {
                if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
                    t.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                t.shutdownNow();
            }
        });
    }
}
