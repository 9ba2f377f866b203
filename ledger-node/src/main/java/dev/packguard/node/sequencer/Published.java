package dev.packguard.node.sequencer;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.note.SignedNote;
import java.time.Instant;

/**
 * A checkpoint the node has published: written to the log directory after its tiles.
 *
 * @param checkpoint the parsed checkpoint (origin, size, root)
 * @param note the signed note as served, with the log signature and any witness cosignatures
 * @param at when it was published
 */
public record Published(Checkpoint checkpoint, SignedNote note, Instant at) {

    /** The tree size. */
    public long size() {
        return checkpoint.size();
    }
}
