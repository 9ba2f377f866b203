package dev.packguard.ledger.checkpoint;

import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.ParseError;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.VerifierSet;
import java.util.Objects;

/**
 * The outcome of opening a checkpoint note: the note must verify (c2sp.org/signed-note) and its
 * text must be a well-formed checkpoint (c2sp.org/tlog-checkpoint).
 */
public sealed interface CheckpointVerification {

    /** At least one known key verified, none failed, and the text is a well-formed checkpoint. */
    record Verified(VerifiedCheckpoint checkpoint) implements CheckpointVerification {
        public Verified {
            Objects.requireNonNull(checkpoint, "checkpoint");
        }
    }

    /** Not a well-formed note, or its text is not a well-formed checkpoint. */
    record Malformed(ParseError error) implements CheckpointVerification {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** No signature from a known key. */
    record NoKnownSignature() implements CheckpointVerification {
    }

    /** A known key's signature did not verify; the note is rejected as a whole. */
    record BadSignature(KeyName name, int keyId) implements CheckpointVerification {
        public BadSignature {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Parses and verifies a checkpoint note. The checkpoint text is parsed only after the
     * signatures verified: unverified text is never interpreted.
     */
    static CheckpointVerification open(byte[] note, VerifierSet known) {
        NoteVerification v = Notes.open(note, known);
        if (v instanceof NoteVerification.Malformed m) {
            return new Malformed(m.error());
        }
        if (v instanceof NoteVerification.NoKnownSignature) {
            return new NoKnownSignature();
        }
        if (v instanceof NoteVerification.BadSignature b) {
            return new BadSignature(b.name(), b.keyId());
        }
        NoteVerification.Verified ok = (NoteVerification.Verified) v;
        Parsed<Checkpoint> cp = Checkpoint.parse(ok.note().text());
        if (cp instanceof Parsed.Err<Checkpoint> e) {
            return new Malformed(e.error());
        }
        return new Verified(new VerifiedCheckpoint(cp.orElseThrow(), ok.note(), ok.signatures()));
    }
}
