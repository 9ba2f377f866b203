package dev.packguard.node.sequencer;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.tlog.Hash;
import java.util.List;
import java.util.Optional;

/**
 * Gathers witness cosignatures (C2SP tlog-witness) on a checkpoint the log has just signed,
 * before it is published. {@link #NONE} publishes with the log's signature alone.
 */
@FunctionalInterface
public interface CheckpointCosigner {

    /** Publishes without witnesses. */
    CheckpointCosigner NONE = (note, checkpoint, prover) -> Optional.of(note);

    /** RFC 6962 §2.1.2 consistency proofs between sizes of the log's tree. */
    @FunctionalInterface
    interface ConsistencyProver {
        /** PROOF(oldSize, D[newSize]); {@code 0 <= oldSize <= newSize <= } the checkpoint's size. */
        List<Hash> prove(long oldSize, long newSize);
    }

    /**
     * The note with enough cosignatures added to publish it, or empty when the required
     * witnesses did not cosign (the node then keeps the previous checkpoint and tries again).
     */
    Optional<SignedNote> cosign(SignedNote note, Checkpoint checkpoint, ConsistencyProver prover);
}
