package dev.packguard.node.witness;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.note.NoteSignature;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.node.sequencer.CheckpointCosigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The node's side of witnessing: sends each new checkpoint to every witness in parallel and
 * lets it be published only with at least {@code k} cosignatures. The node remembers the size
 * each witness last cosigned; when a witness answers 409 with another size (after a restart,
 * or another log instance) it retries once with a proof from that size, as c2sp.org/tlog-witness
 * intends.
 */
public final class WitnessQuorum implements CheckpointCosigner, AutoCloseable {
    private final List<CheckpointWitness> witnesses;
    private final int k;
    private final ConcurrentHashMap<Integer, Long> lastSize = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    /**
     * Requires {@code 1 <= k <= witnesses.size()}.
     */
    public WitnessQuorum(List<CheckpointWitness> witnesses, int k) {
        if (k < 1 || k > witnesses.size()) {
            throw new IllegalArgumentException("need 1 <= k <= " + witnesses.size() + ", got " + k);
        }
        this.witnesses = List.copyOf(witnesses);
        this.k = k;
        this.pool = Executors.newFixedThreadPool(witnesses.size(), r -> {
            Thread t = new Thread(r, "witness-client");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Optional<SignedNote> cosign(SignedNote note, Checkpoint checkpoint, ConsistencyProver prover) {
        List<CompletableFuture<List<NoteSignature>>> asks = new ArrayList<>();
        for (int i = 0; i < witnesses.size(); i++) {
            int w = i;
            asks.add(CompletableFuture.supplyAsync(() -> ask(w, note, checkpoint, prover), pool));
        }
        List<NoteSignature> cosigs = new ArrayList<>();
        int agreed = 0;
        for (CompletableFuture<List<NoteSignature>> a : asks) {
            List<NoteSignature> got = a.join();
            if (!got.isEmpty()) {
                agreed++;
                cosigs.addAll(got);
            }
        }
        return agreed >= k ? Optional.of(note.withSignatures(cosigs)) : Optional.empty();
    }

    private List<NoteSignature> ask(int w, SignedNote note, Checkpoint cp, ConsistencyProver prover) {
        long old = Math.min(lastSize.getOrDefault(w, 0L), cp.size());
        for (int attempt = 0; attempt < 2; attempt++) {
            WitnessAnswer a = witnesses.get(w).addCheckpoint(
                    new AddCheckpointRequest(old, prover.prove(old, cp.size()), note.encodedBytes()));
            if (a instanceof WitnessAnswer.Cosigned c) {
                lastSize.put(w, cp.size());
                return c.cosignatures();
            }
            if (a instanceof WitnessAnswer.SizeConflict s && s.latestSize() <= cp.size() && s.latestSize() != old) {
                old = s.latestSize();
                continue;
            }
            return List.of();
        }
        return List.of();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
