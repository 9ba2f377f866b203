package dev.packguard.ledger.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Opening and signing notes in one call (c2sp.org/signed-note). */
public final class Notes {
    private Notes() {
    }

    /** Parses and verifies {@code bytes}; see {@link SignedNote#verify}. */
    public static NoteVerification open(byte[] bytes, VerifierSet known) {
        return NoteVerification.open(bytes, known);
    }

    /**
     * Signs {@code text} with each signer and returns the note in wire form.
     *
     * @throws IllegalArgumentException when the text does not end in a newline or contains a
     *     control character other than newline: we never produce a note we would refuse
     */
    public static SignedNote sign(String text, List<? extends NoteSigner> signers) {
        List<NoteSignature> sigs = signatures(text, signers);
        return new SignedNote(text, sigs);
    }

    /** {@code note} with new signatures by {@code signers} added (replacing their old lines). */
    public static SignedNote addSignatures(SignedNote note, List<? extends NoteSigner> signers) {
        return note.withSignatures(signatures(note.text(), signers));
    }

    private static List<NoteSignature> signatures(String text, List<? extends NoteSigner> signers) {
        if (!text.endsWith("\n") || SignedNote.firstControlCharacter(text) >= 0) {
            throw new IllegalArgumentException("note text must end in a newline and contain no other control characters");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> sigs = new ArrayList<>();
        for (NoteSigner s : signers) {
            sigs.add(new NoteSignature(s.name(), s.keyId(), s.sign(bytes)));
        }
        return sigs;
    }
}
