package dev.packguard.ledger.note;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of opening a signed note against a set of known keys
 * (c2sp.org/signed-note §Signatures). Only {@link Verified} lets the text be used.
 */
public sealed interface NoteVerification {

    /** At least one known key verified and none failed; {@code signatures} lists them in note order. */
    record Verified(SignedNote note, List<VerifiedSignature> signatures) implements NoteVerification {
        public Verified {
            Objects.requireNonNull(note, "note");
            signatures = List.copyOf(signatures);
            if (signatures.isEmpty()) {
                throw new IllegalArgumentException("a verified note has at least one verified signature");
            }
        }

        /** The names of the keys whose signatures verified, in note order. */
        public List<KeyName> names() {
            return signatures.stream().map(VerifiedSignature::name).distinct().toList();
        }
    }

    /** The bytes are not a well-formed note; nothing was verified. */
    record Malformed(ParseError error) implements NoteVerification {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Well formed, but no signature is from a known key. */
    record NoKnownSignature(SignedNote note) implements NoteVerification {
        public NoKnownSignature {
            Objects.requireNonNull(note, "note");
        }
    }

    /** A signature from a known key failed to verify: the whole note is rejected. */
    record BadSignature(SignedNote note, KeyName name, int keyId) implements NoteVerification {
        public BadSignature {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Parses {@code bytes} and verifies the note against {@code known}, in one step. */
    static NoteVerification open(byte[] bytes, VerifierSet known) {
        Parsed<SignedNote> parsed = SignedNote.parse(bytes);
        if (parsed instanceof Parsed.Err<SignedNote> e) {
            return new Malformed(e.error());
        }
        return parsed.orElseThrow().verify(known);
    }
}
