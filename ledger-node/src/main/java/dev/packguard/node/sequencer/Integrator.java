package dev.packguard.node.sequencer;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.NoteVerifier;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.note.VerifierSet;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.tiles.Tiles;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Turns sequenced entries into a published checkpoint: appends them to the in-memory Merkle
 * tree (RFC 6962 §2.1), writes the new tiles and bundles, signs the checkpoint
 * (c2sp.org/tlog-checkpoint), gathers witness cosignatures, and writes the checkpoint last.
 * {@link #integrate} runs on one thread at a time; proofs and waits are served from any thread.
 */
final class Integrator {
    private final LogDirectory dir;
    private final SignerKey key;
    private final String origin;
    private final CheckpointCosigner cosigner;
    private final Clock clock;
    private final Duration refresh;

    private final MemoryTree tree = new MemoryTree();
    // The integrating thread appends; other threads read under the read lock, because
    // MemoryTree reallocates its block table as it grows.
    private final ReadWriteLock treeLock = new ReentrantReadWriteLock();

    private final Object entriesLock = new Object();
    // Entries from recentBase on: the bundle holding the published size and everything after it.
    private final ArrayList<byte[]> recent = new ArrayList<>();
    private long recentBase;
    private long sequencedSize;

    private long tilesWritten;
    private volatile Optional<Published> published = Optional.empty();
    private final AtomicReference<CompletableFuture<Published>> next = new AtomicReference<>(new CompletableFuture<>());
    private volatile Optional<String> lastFailure = Optional.empty();
    private final Optional<Published> onDisk;

    private Integrator(NodeFiles files, SignerKey key, CheckpointCosigner cosigner, Clock clock, Duration refresh,
            Optional<Published> onDisk) {
        this.dir = new LogDirectory(files.root());
        this.key = key;
        this.origin = key.name().value();
        this.cosigner = cosigner;
        this.clock = clock;
        this.refresh = refresh;
        this.onDisk = onDisk;
        onDisk.ifPresent(p -> recentBase = floorToBundle(p.size()));
    }

    /** Reads the published checkpoint, which must carry a valid signature by this node's key. */
    static Integrator recover(NodeFiles files, SignerKey key, CheckpointCosigner cosigner, Clock clock, Duration refresh)
            throws IOException {
        LogDirectory dir = new LogDirectory(files.root());
        // A kill in the middle of a write leaves its temporary file; nothing else writes now.
        dir.removeTemporaries();
        Optional<byte[]> bytes = dir.readCheckpoint();
        if (bytes.isEmpty()) {
            return new Integrator(files, key, cosigner, clock, refresh, Optional.empty());
        }
        Parsed<SignedNote> note = SignedNote.parse(bytes.get());
        if (note instanceof Parsed.Err<SignedNote> err) {
            throw new IOException("the published checkpoint is not a signed note: " + err.error());
        }
        SignedNote n = note.orElseThrow();
        NoteVerification v = n.verify(VerifierSet.of(NoteVerifier.ed25519(key.verifierKey())));
        if (!(v instanceof NoteVerification.Verified)) {
            throw new IOException("the published checkpoint is not signed by this node's key " + key.verifierKey().encoded());
        }
        Parsed<Checkpoint> cp = Checkpoint.parse(n.text());
        if (cp instanceof Parsed.Err<Checkpoint> err) {
            throw new IOException("the published checkpoint is malformed: " + err.error());
        }
        Checkpoint c = cp.orElseThrow();
        if (!c.origin().equals(key.name().value())) {
            throw new IOException("the published checkpoint is for \"" + c.origin() + "\", the key for \"" + key.name().value() + "\"");
        }
        Instant at = Files.getLastModifiedTime(dir.root().resolve(LogDirectory.CHECKPOINT)).toInstant();
        return new Integrator(files, key, cosigner, clock, refresh, Optional.of(new Published(c, n, at)));
    }

    private static long floorToBundle(long size) {
        return size / Tiles.WIDTH * Tiles.WIDTH;
    }

    /** Journal recovery: entry {@code index} was acknowledged before the restart. */
    void recovered(long index, byte[] entry) {
        tree.appendEntry(entry);
        if (index >= recentBase) {
            recent.add(entry);
        }
        sequencedSize = index + 1;
    }

    /**
     * Checks that the published checkpoint signs the first {@code size} journal entries; any
     * other state would make the next checkpoint inconsistent with it.
     */
    void checkPublished(long journalSize) throws IOException {
        if (onDisk.isEmpty()) {
            return;
        }
        Checkpoint cp = onDisk.get().checkpoint();
        if (cp.size() > journalSize) {
            throw new IOException("the published checkpoint has " + cp.size() + " entries but the journal only "
                    + journalSize + ": the journal was lost or truncated; refusing to sign a checkpoint");
        }
        if (!tree.root(cp.size()).equals(Hash.of(cp.rootHash()))) {
            throw new IOException("the journal's first " + cp.size() + " entries do not hash to the published root;"
                    + " refusing to sign a checkpoint");
        }
        published = onDisk;
        tilesWritten = cp.size();
    }

    /** The sequencer journalled {@code entries} with indices from {@code first}. */
    void sequenced(long first, List<byte[]> entries) {
        synchronized (entriesLock) {
            if (first != sequencedSize) {
                throw new IllegalStateException("sequenced " + first + " after " + sequencedSize);
            }
            recent.addAll(entries);
            sequencedSize += entries.size();
        }
    }

    long sequencedSize() {
        synchronized (entriesLock) {
            return sequencedSize;
        }
    }

    /**
     * True when the sequenced entry {@code index} is exactly {@code entry}: compared byte for
     * byte while it is held in memory, else by its RFC 6962 §2.1 leaf hash
     * SHA-256(0x00 || entry) in the tree (equal leaf hashes mean equal bytes, SHA-256 being
     * collision resistant). False for an index not sequenced.
     */
    boolean holds(long index, byte[] entry) {
        synchronized (entriesLock) {
            if (index < 0 || index >= sequencedSize) {
                return false;
            }
            if (index >= recentBase) {
                return Arrays.equals(recent.get((int) (index - recentBase)), entry);
            }
        }
        // Below recentBase, everything is in a published checkpoint and so in the tree.
        treeLock.readLock().lock();
        try {
            return index < tree.size() && tree.subtree(0, index).equals(TreeHash.leafHash(entry));
        } finally {
            treeLock.readLock().unlock();
        }
    }

    private byte[] entry(long index) {
        synchronized (entriesLock) {
            return recent.get((int) (index - recentBase));
        }
    }

    /**
     * Integrates everything sequenced so far and publishes a checkpoint for it; does nothing
     * when the published checkpoint is current and younger than the refresh interval. Not
     * reentrant: callers hold the integrator's monitor.
     */
    void integrate() throws IOException {
        List<byte[]> add;
        long target;
        synchronized (entriesLock) {
            target = sequencedSize;
            add = new ArrayList<>(recent.subList((int) (tree.size() - recentBase), (int) (target - recentBase)));
        }
        Optional<Published> current = published;
        Instant now = clock.instant();
        if (current.isPresent() && current.get().size() == target
                && Duration.between(current.get().at(), now).compareTo(refresh) < 0) {
            return;
        }
        treeLock.writeLock().lock();
        try {
            add.forEach(tree::appendEntry);
        } finally {
            treeLock.writeLock().unlock();
        }
        if (tilesWritten < target) {
            dir.writeTiles(tree, tilesWritten, target, this::entry);
            tilesWritten = target;
        }
        Checkpoint cp = Checkpoint.of(origin, target, tree.root(target).bytes());
        SignedNote signed = Notes.sign(cp.text(), List.of(key.noteSigner()));
        Optional<SignedNote> cosigned = cosigner.cosign(signed, cp, (o, n) -> {
            treeLock.readLock().lock();
            try {
                return tree.consistencyProof(o, n).path();
            } finally {
                treeLock.readLock().unlock();
            }
        });
        if (cosigned.isEmpty()) {
            lastFailure = Optional.of("the witness quorum did not cosign the checkpoint for size " + target);
            return;
        }
        dir.writeCheckpoint(cosigned.get().encodedBytes());
        Published p = new Published(cp, cosigned.get(), now);
        published = Optional.of(p);
        lastFailure = Optional.empty();
        synchronized (entriesLock) {
            long base = floorToBundle(target);
            recent.subList(0, (int) (base - recentBase)).clear();
            recentBase = base;
        }
        next.getAndSet(new CompletableFuture<>()).complete(p);
    }

    Optional<Published> published() {
        return published;
    }

    /** Completes with the first published checkpoint that includes entry {@code index}. */
    CompletableFuture<Published> integrated(long index) {
        CompletableFuture<Published> waiting = next.get();
        Optional<Published> now = published;
        if (now.isPresent() && now.get().size() > index) {
            return CompletableFuture.completedFuture(now.get());
        }
        return waiting.thenCompose(p -> integrated(index));
    }

    Optional<TlogProof> proof(long index) {
        Optional<Published> now = published;
        if (index < 0 || now.isEmpty() || index >= now.get().size()) {
            return Optional.empty();
        }
        Published p = now.get();
        List<Hash> path;
        treeLock.readLock().lock();
        try {
            path = tree.inclusionProof(index, p.size()).path();
        } finally {
            treeLock.readLock().unlock();
        }
        return Optional.of(TlogProof.of(index, path, p.note().encoded(), Optional.empty()));
    }

    void recordFailure(Exception e) {
        lastFailure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    Optional<String> lastFailure() {
        return lastFailure;
    }
}
