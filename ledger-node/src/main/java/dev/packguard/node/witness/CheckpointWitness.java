package dev.packguard.node.witness;

/**
 * A c2sp.org/tlog-witness: in-process ({@link Witness}) or over HTTP ({@link HttpWitnessClient}).
 * Implementations are thread-safe.
 */
public interface CheckpointWitness {

    /** Submits a checkpoint with a consistency proof; see {@link WitnessAnswer}. */
    WitnessAnswer addCheckpoint(AddCheckpointRequest request);
}
