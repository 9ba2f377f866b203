package dev.packguard.node.sequencer;

import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.tlog.proof.TlogProof;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The log's sequencer: takes entries, makes each durable before acknowledging it, gives it the
 * next index, and periodically integrates what was sequenced into the Merkle tree, the tiles
 * and a newly signed checkpoint ({@link Integrator}).
 *
 * <p>Durability: one thread drains the submission queue in batches, runs the stateful
 * validator in log order, appends the batch to the {@link Journal} and fsyncs it once (group
 * commit); only then are the submitters told their indices. A crash loses only entries whose
 * submitters were never answered.
 *
 * <p>Resubmission: an entry the validator refuses as a conflict with the entry at index
 * {@code i} ({@link SubmissionValidator.Verdict.Conflict#latest()}) that is byte for byte the
 * entry at {@code i} is answered {@link Submission.AlreadyLogged}{@code (i)}, not refused: a
 * client whose first answer was lost learns where its entry is, and nothing is written twice.
 *
 * <p>Consistency: every checkpoint is signed over a prefix of the journal, which only grows;
 * at startup the published checkpoint must equal the root of the journal's first {@code size}
 * entries or the node refuses to start. So two signed checkpoints are always consistent, and
 * a half-integrated batch is finished from the journal on restart.
 */
public final class Sequencer implements AutoCloseable {

    /**
     * Tuning.
     *
     * @param checkpointInterval how often sequenced entries are integrated and a checkpoint signed
     * @param refreshInterval re-sign an unchanged checkpoint this often, so witness timestamps stay fresh
     * @param maxBatch most entries journalled in one fsync
     * @param maxPending most submissions waiting for the journal; more are answered {@link Submission.Overloaded}
     */
    public record Settings(Duration checkpointInterval, Duration refreshInterval, int maxBatch, int maxPending) {
        /** Requires positive values. */
        public Settings {
            if (checkpointInterval.isNegative() || checkpointInterval.isZero() || refreshInterval.isNegative()
                    || refreshInterval.isZero() || maxBatch < 1 || maxPending < 1) {
                throw new IllegalArgumentException("sequencer settings must be positive");
            }
        }

        /** A checkpoint every 250 ms under load, re-signed every 5 minutes when idle. */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(250), Duration.ofMinutes(5), 4096, 20_000);
        }
    }

    private record Pending(byte[] entry, CompletableFuture<Submission> answer) {
    }

    private final Journal journal;
    private final SubmissionValidator validator;
    private final Integrator integrator;
    private final Settings settings;
    private final BlockingQueue<Pending> queue;
    private final Thread sequencing;
    private final ScheduledExecutorService ticker;
    private volatile boolean running = true;
    private volatile Optional<String> broken = Optional.empty();

    private Sequencer(Journal journal, SubmissionValidator validator, Integrator integrator, Settings settings) {
        this.journal = journal;
        this.validator = validator;
        this.integrator = integrator;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.maxPending());
        this.sequencing = new Thread(this::sequenceLoop, "sequencer");
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "integrator"));
    }

    /**
     * Opens the node in {@code files}: recovers the journal (cutting a torn tail), rebuilds the
     * tree, checks the published checkpoint against it, finishes any half-integrated batch,
     * and starts sequencing.
     *
     * @throws IOException on a read or write failure, or when the published checkpoint does not
     *     match the journal (the node then refuses to sign anything)
     */
    public static Sequencer open(NodeFiles files, SubmissionValidator validator, CheckpointCosigner cosigner,
            Settings settings, Clock clock) throws IOException {
        SignerKey key = files.readKey();
        Integrator integrator = Integrator.recover(files, key, cosigner, clock, settings.refreshInterval());
        Journal journal = Journal.open(files.journal(), (index, entry) -> {
            integrator.recovered(index, entry);
            validator.replay(index, entry);
        });
        try {
            integrator.checkPublished(journal.size());
            integrator.integrate();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        Sequencer s = new Sequencer(journal, validator, integrator, settings);
        s.sequencing.start();
        long period = settings.checkpointInterval().toMillis();
        // Fixed rate: a slow integration (disk busy) delays the next one by its overrun only,
        // so checkpoints stay one interval apart whenever the disk keeps up.
        s.ticker.scheduleAtFixedRate(s::integrateQuietly, period, period, TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * Submits one entry. The answer completes once the entry is durable and sequenced, or at
     * once when it is refused; see {@link Submission}. Safe to call from any thread.
     */
    public CompletableFuture<Submission> submit(byte[] entry) {
        if (entry.length > Journal.MAX_ENTRY) {
            return CompletableFuture.completedFuture(new Submission.TooLarge(entry.length, Journal.MAX_ENTRY));
        }
        if (broken.isPresent() || !running) {
            return CompletableFuture.completedFuture(new Submission.Unavailable(broken.orElse("the node is shutting down")));
        }
        SubmissionValidator.Verdict verdict = validator.check(entry);
        if (!(verdict instanceof SubmissionValidator.Verdict.Accept)) {
            return CompletableFuture.completedFuture(new Submission.Rejected(verdict));
        }
        Pending p = new Pending(entry.clone(), new CompletableFuture<>());
        if (!queue.offer(p)) {
            return CompletableFuture.completedFuture(new Submission.Overloaded(settings.maxPending()));
        }
        if (!running) {
            // close() may have drained the queue before this offer; whatever is still queued
            // will never be journalled, so say so rather than leave the submitter waiting.
            Pending left;
            while ((left = queue.poll()) != null) {
                left.answer().complete(new Submission.Unavailable("the node is shutting down"));
            }
        }
        return p.answer();
    }

    /** Completes with the first published checkpoint whose tree includes entry {@code index}. */
    public CompletableFuture<Published> integrated(long index) {
        return integrator.integrated(index);
    }

    /** The latest published checkpoint, if any. */
    public Optional<Published> published() {
        return integrator.published();
    }

    /**
     * A tlog-proof (c2sp.org/tlog-proof) of entry {@code index} against the latest published
     * checkpoint, or empty when that checkpoint does not include it yet.
     */
    public Optional<TlogProof> proof(long index) {
        return integrator.proof(index);
    }

    /** The number of entries sequenced (durable), integrated or not. */
    public long sequenced() {
        return integrator.sequencedSize();
    }

    /** Integrates now instead of waiting for the next tick; returns the published checkpoint. */
    public Optional<Published> integrateNow() throws IOException {
        synchronized (integrator) {
            integrator.integrate();
        }
        return integrator.published();
    }

    private void integrateQuietly() {
        try {
            synchronized (integrator) {
                integrator.integrate();
            }
        } catch (IOException | RuntimeException e) {
            // Publishing failed (disk full, witnesses down); the journal still holds every
            // entry and the next tick retries from the same state.
            integrator.recordFailure(e);
        }
    }

    private void sequenceLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                sequence(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.answer().complete(new Submission.Unavailable("the node is shutting down"));
        }
    }

    private void sequence(List<Pending> batch) {
        if (broken.isPresent()) {
            batch.forEach(p -> p.answer().complete(new Submission.Unavailable(broken.get())));
            return;
        }
        long first = journal.size();
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<Resent> resent = new ArrayList<>();
        for (Pending p : batch) {
            SubmissionValidator.Verdict v;
            try {
                v = validator.admit(first + accepted.size(), p.entry());
            } catch (RuntimeException e) {
                // A validator bug must not kill the sequencing thread and leave submitters
                // waiting forever; this entry is refused, the others go on.
                p.answer().complete(new Submission.Unavailable("the validator failed: " + e));
                continue;
            }
            if (v instanceof SubmissionValidator.Verdict.Accept) {
                accepted.add(p);
            } else if (v instanceof SubmissionValidator.Verdict.Conflict c && c.latest().isPresent()
                    && logged(c.latest().getAsLong(), p.entry(), first, accepted)) {
                resent.add(new Resent(p, c.latest().getAsLong()));
            } else {
                p.answer().complete(new Submission.Rejected(v));
            }
        }
        if (!accepted.isEmpty()) {
            try {
                journal.append(accepted.stream().map(Pending::entry).toList());
            } catch (IOException | RuntimeException e) {
                // The journal's state on disk is unknown past its last fsync; stop taking entries
                // until a restart recovers it. None of this batch was acknowledged.
                broken = Optional.of("the journal cannot be written: " + e.getMessage());
                accepted.forEach(p -> p.answer().complete(new Submission.Unavailable(broken.get())));
                // A resubmission of an entry of this very batch is no more durable than it.
                resent.forEach(r -> r.pending().answer().complete(r.index() >= first
                        ? new Submission.Unavailable(broken.get()) : new Submission.AlreadyLogged(r.index())));
                return;
            }
            integrator.sequenced(first, accepted.stream().map(Pending::entry).toList());
            for (int i = 0; i < accepted.size(); i++) {
                accepted.get(i).answer().complete(new Submission.Sequenced(first + i));
            }
        }
        // Answered only now: an index from this batch is durable once the append returned.
        resent.forEach(r -> r.pending().answer().complete(new Submission.AlreadyLogged(r.index())));
    }

    /** A submission that is byte for byte the entry already sequenced at {@code index}. */
    private record Resent(Pending pending, long index) {
    }

    // Entries from `first` on are this batch's, not journalled yet; earlier ones are sequenced.
    private boolean logged(long index, byte[] entry, long first, List<Pending> accepted) {
        if (index >= first) {
            return index - first < accepted.size() && Arrays.equals(accepted.get((int) (index - first)).entry(), entry);
        }
        return integrator.holds(index, entry);
    }

    /** Why the node stopped accepting entries, if it did. */
    public Optional<String> broken() {
        return broken;
    }

    /** The last integration failure, if the latest attempt failed. */
    public Optional<String> lastFailure() {
        return integrator.lastFailure();
    }

    /**
     * Stops: answers queued submissions, integrates what was sequenced, closes the journal.
     */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            sequencing.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker.shutdown();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            integrateQuietly();
        } finally {
            journal.close();
        }
    }
}
