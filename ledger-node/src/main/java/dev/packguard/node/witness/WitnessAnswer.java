package dev.packguard.node.witness;

import dev.packguard.ledger.note.NoteSignature;
import java.util.List;

/**
 * A witness's answer to {@code add-checkpoint}, with the HTTP status c2sp.org/tlog-witness
 * assigns to each case.
 */
public sealed interface WitnessAnswer {

    /** The HTTP status of this answer. */
    int status();

    /** 200: cosignature lines on the checkpoint. */
    record Cosigned(List<NoteSignature> cosignatures) implements WitnessAnswer {
        /** Copies. */
        public Cosigned {
            cosignatures = List.copyOf(cosignatures);
        }

        @Override
        public int status() {
            return 200;
        }
    }

    /** 409 with {@code text/x.tlog.size}: the old size is not the last size cosigned. */
    record SizeConflict(long latestSize) implements WitnessAnswer {
        @Override
        public int status() {
            return 409;
        }
    }

    /** 409: same size as the last cosigned checkpoint, different root (a fork). */
    record RootMismatch(String reason) implements WitnessAnswer {
        @Override
        public int status() {
            return 409;
        }
    }

    /** 404: the witness does not follow this origin. */
    record UnknownLog(String origin) implements WitnessAnswer {
        @Override
        public int status() {
            return 404;
        }
    }

    /** 403: no valid signature by the log's key, or a bad one. */
    record Forbidden(String reason) implements WitnessAnswer {
        @Override
        public int status() {
            return 403;
        }
    }

    /** 400: malformed request or checkpoint, or an old size above the checkpoint's. */
    record BadRequest(String reason) implements WitnessAnswer {
        @Override
        public int status() {
            return 400;
        }
    }

    /** 422: the consistency proof does not verify: the checkpoint is not an extension. */
    record InvalidProof(String reason) implements WitnessAnswer {
        @Override
        public int status() {
            return 422;
        }
    }

    /** Client side only: the witness could not be reached or answered nonsense. */
    record Unreachable(String reason) implements WitnessAnswer {
        @Override
        public int status() {
            return 0;
        }
    }
}
