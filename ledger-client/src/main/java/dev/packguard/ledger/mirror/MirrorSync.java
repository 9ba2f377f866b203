package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Brings a {@link MirrorStore} up to the log's latest checkpoint, C2SP tlog-tiles client side.
 *
 * <ol>
 *   <li>Fetch {@code checkpoint}; it must satisfy the {@link CheckpointVerifier}.</li>
 *   <li>Compare with the stored checkpoint: a smaller size is a rollback, the same size with
 *       another root a fork; both are recorded as {@link Evidence} and nothing changes.</li>
 *   <li>Download the entry bundles from the verified size on (in parallel, reusing bundles an
 *       interrupted sync already stored), check that the bundle straddling the old size repeats
 *       the verified entries byte for byte, hash every new entry (RFC 6962 §2.1) onto the stored
 *       tree edge, and stage the bytes as suspect.</li>
 *   <li>Only if the recomputed root equals the signed root, commit the new checkpoint in one
 *       transaction. Because the new tree extends the stored leaves, this also proves the new
 *       checkpoint consistent with the old one (a stronger check than a consistency proof).</li>
 * </ol>
 * Not thread-safe: one sync at a time per store.
 */
public final class MirrorSync {
    /** A checkpoint note is a few hundred bytes; refuse anything absurd. */
    static final long CHECKPOINT_LIMIT = 64 * 1024;
    /** 256 entries of at most 65,535 bytes plus their 2-byte length prefixes. */
    static final long BUNDLE_LIMIT = 256L * (2 + 0xFFFF);
    private static final int STAGE_BATCH = 64;
    private static final int W = MirrorStore.BUNDLE_WIDTH;

    private final MirrorStore store;
    private final LogFetcher fetcher;
    private final CheckpointVerifier verifier;
    private final Clock clock;

    public MirrorSync(MirrorStore store, LogFetcher fetcher, CheckpointVerifier verifier, Clock clock) {
        this.store = store;
        this.fetcher = fetcher;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Runs one sync. Network trouble gives {@link SyncResult.Offline}, misbehaviour
     * {@link SyncResult.SecurityFailure}; a local write failure (disk full) throws and leaves
     * the verified state as it was.
     */
    public SyncResult sync(Consumer<SyncProgress> progress) throws MirrorStoreException {
        Optional<VerifiedCheckpoint> local = store.verified();
        Fetched fetched = fetcher.fetch("checkpoint", CHECKPOINT_LIMIT, true).join();
        if (fetched instanceof Fetched.NotFound nf) {
            return new SyncResult.Offline("the log has no checkpoint at " + nf.url()
                    + " (check the ledger URL in the station configuration)", local);
        }
        if (fetched instanceof Fetched.Failed f) {
            return new SyncResult.Offline("cannot read " + f.url() + ": " + f.reason(), local);
        }
        byte[] note = ((Fetched.Body) fetched).bytes();
        CheckpointVerifier.Check check = verifier.verify(note);
        if (check instanceof CheckpointVerifier.Rejected r) {
            return new SyncResult.SecurityFailure("the log's checkpoint was refused: " + r.reason(), Optional.empty(), local);
        }
        CheckpointVerifier.Accepted cp = (CheckpointVerifier.Accepted) check;
        Instant now = clock.instant();
        if (local.isEmpty()) {
            return extend(Optional.empty(), CompactRange.empty(), cp, note, now, progress);
        }
        VerifiedCheckpoint have = local.get();
        if (!have.origin().equals(cp.origin())) {
            return new SyncResult.SecurityFailure("the log at " + fetcher.base() + " is \"" + cp.origin()
                    + "\" but this mirror holds \"" + have.origin() + "\"; check the ledger URL and policy",
                    Optional.empty(), local);
        }
        if (cp.size() < have.size()) {
            return evidence(Evidence.Kind.ROLLBACK, have, note, String.format(
                    "the log now claims %,d entries but signed %,d before (root %s): a rollback",
                    cp.size(), have.size(), have.root().hex()), now);
        }
        if (cp.size() == have.size()) {
            if (!cp.root().equals(have.root())) {
                return evidence(Evidence.Kind.FORK, have, note, String.format(
                        "the log signed two different roots for size %,d: %s (stored) and %s (new): a fork",
                        cp.size(), have.root().hex(), cp.root().hex()), now);
            }
            VerifiedCheckpoint fresher = new VerifiedCheckpoint(cp.origin(), cp.size(), cp.root(), note, have.edge(),
                    newest(have.newestCosignature(), cp.newestCosignature()), now);
            store.commit(fresher, List.of());
            return new SyncResult.UpToDate(fresher);
        }
        return extend(local, have.edge(), cp, note, now, progress);
    }

    private static Optional<Instant> newest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private SyncResult evidence(Evidence.Kind kind, VerifiedCheckpoint have, byte[] offered, String detail, Instant now)
            throws MirrorStoreException {
        Evidence e = new Evidence(kind, now, have.note(), offered, detail);
        store.recordEvidence(e);
        return new SyncResult.SecurityFailure(detail, Optional.of(e), Optional.of(have));
    }

    /** One bundle this sync needs: its tile and the first entry index it contributes. */
    private record Need(Tile tile, long firstNew) {
    }

    private SyncResult extend(Optional<VerifiedCheckpoint> local, CompactRange edge, CheckpointVerifier.Accepted cp,
            byte[] note, Instant started, Consumer<SyncProgress> progress) throws MirrorStoreException {
        long oldSize = edge.end();
        long newSize = cp.size();
        List<Need> needs = new ArrayList<>();
        for (long b = oldSize / W; b * W < newSize; b++) {
            int width = (int) Math.min(W, newSize - b * W);
            needs.add(new Need(new Tile(0, b, width), Math.max(oldSize, b * W)));
        }
        long total = newSize - oldSize;
        long startNanos = System.nanoTime();
        long done = 0;
        List<MirrorStore.BundleRow> pending = new ArrayList<>();
        List<MirrorStore.SubtreeRow> subtrees = new ArrayList<>();
        ArrayDeque<CompletableFuture<Fetched>> inflight = new ArrayDeque<>();
        int window = fetcher.settings().parallelism() * 2;
        int nextToFetch = 0;
        for (int i = 0; i < needs.size(); i++) {
            while (nextToFetch < needs.size() && inflight.size() < window) {
                inflight.add(load(needs.get(nextToFetch++)));
            }
            Need need = needs.get(i);
            Fetched f = inflight.poll().join();
            if (!(f instanceof Fetched.Body body)) {
                String why = f instanceof Fetched.Failed failed ? failed.reason() : "it does not exist on the server";
                store.stage(pending); // keep what arrived: the next sync resumes from it
                return new SyncResult.Offline("cannot download " + need.tile().entriesPath() + ": " + why
                        + "; the mirror stays at " + String.format("%,d", oldSize) + " entries", local);
            }
            Parsed<EntryBundle> parsed = EntryBundle.parse(need.tile(), body.bytes());
            if (parsed.failure().isPresent()) {
                store.discardSuspect();
                return new SyncResult.SecurityFailure("the log served a malformed entry bundle "
                        + need.tile().entriesPath() + " (" + parsed.failure().get() + ")", Optional.empty(), local);
            }
            EntryBundle bundle = parsed.ok().orElseThrow();
            int skip = (int) (need.firstNew() - need.tile().index() * W);
            if (skip > 0) {
                Optional<String> mismatch = repeatsVerified(need.tile().index(), skip, bundle);
                if (mismatch.isPresent()) {
                    store.discardSuspect();
                    return local.isPresent()
                            ? evidence(Evidence.Kind.ENTRIES_MISMATCH, local.get(), note, mismatch.get(), started)
                            : new SyncResult.SecurityFailure(mismatch.get(), Optional.empty(), local);
                }
            }
            List<Hash> leaves = bundle.leafHashes();
            edge = edge.appendAll(leaves.subList(skip, leaves.size()));
            if (need.tile().width() == W) {
                subtrees.add(new MirrorStore.SubtreeRow(need.tile().index(), TreeHash.root(leaves)));
            }
            pending.add(new MirrorStore.BundleRow(need.tile().index(), need.tile().width(), body.bytes()));
            if (pending.size() >= STAGE_BATCH) {
                store.stage(pending);
                pending.clear();
            }
            done += leaves.size() - skip;
            progress.accept(progressOf(done, total, startNanos));
        }
        store.stage(pending);
        if (!edge.root().equals(cp.root())) {
            store.discardSuspect();
            String detail = String.format("the %,d entries served do not hash to the signed root for size %,d "
                    + "(computed %s, signed %s): the server or a cache serves wrong data", total, newSize,
                    edge.root().hex(), cp.root().hex());
            return local.isPresent()
                    ? evidence(Evidence.Kind.ENTRIES_MISMATCH, local.get(), note, detail, started)
                    : new SyncResult.SecurityFailure(detail, Optional.empty(), local);
        }
        VerifiedCheckpoint next = new VerifiedCheckpoint(cp.origin(), newSize, cp.root(), note, edge,
                newest(local.flatMap(VerifiedCheckpoint::newestCosignature), cp.newestCosignature()), clock.instant());
        store.commit(next, subtrees);
        return new SyncResult.Synced(next, total);
    }

    /** A stored (suspect) copy of exactly this bundle, else a download; partial bundles fall back to the full one. */
    private CompletableFuture<Fetched> load(Need need) {
        try {
            Optional<MirrorStore.BundleRow> stored = store.bundle(need.tile().index());
            if (stored.isPresent() && stored.get().count() == need.tile().width()
                    && need.firstNew() == need.tile().index() * W) {
                return CompletableFuture.completedFuture(new Fetched.Body(stored.get().data()));
            }
        } catch (MirrorStoreException e) {
            // Reuse is an optimisation; a read failure here means downloading instead.
        }
        Tile tile = need.tile();
        CompletableFuture<Fetched> f = fetcher.fetch(tile.entriesPath(), BUNDLE_LIMIT, false);
        if (!tile.isPartial()) {
            return f;
        }
        // C2SP tlog-tiles: a partial bundle may be gone once the full one exists; its prefix is the same data.
        return f.thenCompose(r -> r instanceof Fetched.NotFound
                ? fetcher.fetch(new Tile(0, tile.index(), W).entriesPath(), BUNDLE_LIMIT, false)
                        .thenApply(full -> prefix(full, tile))
                : CompletableFuture.completedFuture(r));
    }

    private static Fetched prefix(Fetched full, Tile partial) {
        if (!(full instanceof Fetched.Body body)) {
            return full;
        }
        Parsed<EntryBundle> parsed = EntryBundle.parse(new Tile(0, partial.index(), W), body.bytes());
        if (parsed.ok().isEmpty()) {
            return full; // let the caller report the malformed bundle against the partial tile's shape
        }
        return new Fetched.Body(EntryBundle.encode(parsed.ok().get().entries().subList(0, partial.width())));
    }

    /** Empty when the first {@code count} entries of {@code bundle} equal the verified ones stored. */
    private Optional<String> repeatsVerified(long index, int count, EntryBundle bundle) throws MirrorStoreException {
        Optional<MirrorStore.BundleRow> row = store.bundle(index);
        String where = String.format("entries %,d to %,d", index * W, index * W + count - 1);
        if (row.isEmpty()) {
            return Optional.of("the verified " + where + " are missing from the mirror " + store.file());
        }
        Parsed<EntryBundle> stored = EntryBundle.parse(new Tile(0, index, row.get().count()), row.get().data());
        if (stored.ok().isEmpty() || stored.ok().get().size() < count) {
            return Optional.of("the verified " + where + " in the mirror are damaged");
        }
        for (int i = 0; i < count; i++) {
            if (!Arrays.equals(stored.ok().get().entry(i), bundle.entry(i))) {
                return Optional.of(String.format("the log now serves a different entry %,d than the one it signed "
                        + "before: verified entries were altered", index * W + i));
            }
        }
        return Optional.empty();
    }

    private static SyncProgress progressOf(long done, long total, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        Optional<Duration> eta = rate > 0 ? Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000)))
                : Optional.empty();
        return new SyncProgress(done, total, rate, eta);
    }
}
