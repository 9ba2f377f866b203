package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.Proofs;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.tlog.tiles.Tiles;
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
 *   <li>Compare with the stored checkpoint: the same size with another root is a fork, a smaller
 *       size whose root contradicts the verified entries a rollback; both are recorded as
 *       {@link Evidence} (two signed notes that cannot both be true) and nothing changes. A smaller
 *       checkpoint of the same history is merely stale (a cache) and reported as offline.</li>
 *   <li>Download the entry bundles from the verified size on (in parallel, reusing bundles an
 *       interrupted sync already stored), check that the bundle straddling the old size repeats
 *       the verified entries byte for byte, hash every new entry (RFC 6962 §2.1) onto the stored
 *       tree edge, and stage the bytes as suspect. Entry bytes are not signed, so data that does not
 *       hash to the signed root blocks the sync without being held against the log; bundles reused
 *       from an interrupted sync are fetched afresh once before concluding that.</li>
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
        if (cp.size() > Tiles.MAX_TREE_SIZE) {
            return new SyncResult.SecurityFailure(String.format("the log signed an impossible tree size %,d", cp.size()),
                    Optional.empty(), local);
        }
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
            // A smaller checkpoint of the same history is only stale (a cache); one that contradicts
            // the verified entries is a signed rollback to another history.
            Hash ours = MirrorHashes.read(() -> Proofs.rootHash(cp.size(), new MirrorHashes(store)));
            if (ours.equals(cp.root())) {
                return new SyncResult.Offline(String.format("the log served an older checkpoint (%,d entries; this "
                        + "station has verified %,d), probably from a cache; try again later", cp.size(), have.size()),
                        local);
            }
            return evidence(Evidence.Kind.ROLLBACK, have, note, String.format(
                    "the log signed a tree of %,d entries whose root %s contradicts the verified entries (root %s at "
                    + "that size): a rollback to another history", cp.size(), cp.root().hex(), ours.hex()), now);
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

    private SyncResult extend(Optional<VerifiedCheckpoint> local, CompactRange edge, CheckpointVerifier.Accepted cp,
            byte[] note, Instant started, Consumer<SyncProgress> progress) throws MirrorStoreException {
        SyncResult first = extend(local, edge, cp, note, started, progress, true);
        if (first instanceof SyncResult.SecurityFailure f && f.evidence().isEmpty() && reusedStored) {
            // Bundles stored by an earlier, interrupted sync may have come from a bad proxy: fetch them afresh once.
            return extend(local, edge, cp, note, started, progress, false);
        }
        return first;
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

    /** Whether the last extension used bundles stored by an earlier sync. */
    private boolean reusedStored;

    private SyncResult extend(Optional<VerifiedCheckpoint> local, CompactRange edge, CheckpointVerifier.Accepted cp,
            byte[] note, Instant started, Consumer<SyncProgress> progress, boolean reuse) throws MirrorStoreException {
        reusedStored = false;
        long oldSize = edge.end();
        long newSize = cp.size();
        long firstBundle = oldSize / W;
        long bundles = (newSize + W - 1) / W - firstBundle;
        long total = newSize - oldSize;
        long startNanos = System.nanoTime();
        long done = 0;
        List<MirrorStore.BundleRow> pending = new ArrayList<>();
        List<MirrorStore.SubtreeRow> subtrees = new ArrayList<>();
        ArrayDeque<CompletableFuture<Fetched>> inflight = new ArrayDeque<>();
        int window = fetcher.settings().parallelism() * 2;
        long nextToFetch = 0;
        for (long i = 0; i < bundles; i++) {
            while (nextToFetch < bundles && inflight.size() < window) {
                inflight.add(load(need(firstBundle + nextToFetch++, oldSize, newSize), reuse));
            }
            Need need = need(firstBundle + i, oldSize, newSize);
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
                    return new SyncResult.SecurityFailure(mismatch.get(), Optional.empty(), local);
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
            // Entry bytes are not signed: a mismatch proves wrong data on the way (server, proxy or cache),
            // not a signed contradiction, so it blocks this sync but is not recorded as evidence.
            String detail = String.format("the %,d entries served do not hash to the signed root for size %,d "
                    + "(computed %s, signed %s): the server or a cache serves wrong data; nothing was accepted",
                    total, newSize, edge.root().hex(), cp.root().hex());
            return new SyncResult.SecurityFailure(detail, Optional.empty(), local);
        }
        VerifiedCheckpoint next = new VerifiedCheckpoint(cp.origin(), newSize, cp.root(), note, edge,
                newest(local.flatMap(VerifiedCheckpoint::newestCosignature), cp.newestCosignature()), clock.instant());
        store.commit(next, subtrees);
        return new SyncResult.Synced(next, total);
    }

    private static Need need(long bundle, long oldSize, long newSize) {
        return new Need(new Tile(0, bundle, (int) Math.min(W, newSize - bundle * W)), Math.max(oldSize, bundle * W));
    }

    /** A stored (suspect) copy of exactly this bundle, else a download; partial bundles fall back to the full one. */
    private CompletableFuture<Fetched> load(Need need, boolean reuse) {
        try {
            Optional<MirrorStore.BundleRow> stored = reuse ? store.bundle(need.tile().index()) : Optional.empty();
            if (stored.isPresent() && stored.get().count() == need.tile().width()
                    && need.firstNew() == need.tile().index() * W) {
                reusedStored = true;
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
                return Optional.of(String.format("the server now sends a different entry %,d than the one verified "
                        + "before (the server, a proxy or a cache serves wrong data); nothing was accepted", index * W + i));
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
