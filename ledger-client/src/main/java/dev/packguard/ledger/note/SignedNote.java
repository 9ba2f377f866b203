package dev.packguard.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed note: a text ending in a newline, a blank line, and one or more signature lines
 * (c2sp.org/signed-note §Format). Parsing checks only the syntax; a parsed note says nothing
 * about who signed it until {@link #verify} has run, and its text must be ignored until then.
 *
 * <p>Refused: more than {@link #MAX_BYTES} bytes, invalid UTF-8, any control character other
 * than newline (including CR and TAB), no blank line before the signatures, a signature block
 * that does not end in a newline, a line that does not start with em dash (U+2014) and space, a
 * bad key name, non-canonical base64, a signature shorter than key ID plus one byte, and more
 * than {@link #MAX_SIGNATURES} signature lines.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** At least 16 must be accepted (c2sp.org/signed-note §Format); we accept up to 32. */
    public static final int MAX_SIGNATURES = 32;
    /** A checkpoint note is a few hundred bytes; 32 post-quantum signatures fit in 256 KiB. */
    public static final int MAX_BYTES = 256 * 1024;

    static final String SIGNATURE_PREFIX = "\u2014 ";

    public SignedNote {
        Objects.requireNonNull(text, "text");
        signatures = List.copyOf(signatures);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        int bad = firstControlCharacter(text);
        if (bad >= 0) {
            throw new IllegalArgumentException("note text contains a control character at index " + bad);
        }
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a note has 1 to " + MAX_SIGNATURES + " signatures, not " + signatures.size());
        }
    }

    /** Parses the UTF-8 bytes of a note; see the class comment for what is refused. */
    public static Parsed<SignedNote> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Parsed.error(1, 1, "note is larger than " + MAX_BYTES + " bytes");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Parsed.error(1, 1, "note is not valid UTF-8");
        }
        return parse(s);
    }

    /** Parses a note already decoded from UTF-8. */
    public static Parsed<SignedNote> parse(String s) {
        int bad = firstControlCharacter(s);
        if (bad >= 0) {
            return Parsed.error(lineOf(s, bad), columnOf(s, bad),
                    String.format("control character U+%04X is not allowed in a note", (int) s.charAt(bad)));
        }
        // The text is separated from the signatures by the last empty line (§Format).
        int split = s.lastIndexOf("\n\n");
        if (split < 0) {
            return Parsed.error(lineOf(s, s.length()), 1, "no blank line before the signatures");
        }
        String text = s.substring(0, split + 1);
        String block = s.substring(split + 2);
        int line = lineOf(s, split + 2);
        if (block.isEmpty()) {
            return Parsed.error(line, 1, "no signature lines after the blank line");
        }
        if (!block.endsWith("\n")) {
            return Parsed.error(lineOf(s, s.length()), columnOf(s, s.length()), "the last signature line does not end in a newline");
        }
        List<NoteSignature> sigs = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            int end = block.indexOf('\n', start);
            if (sigs.size() == MAX_SIGNATURES) {
                return Parsed.error(line, 1, "more than " + MAX_SIGNATURES + " signatures");
            }
            Parsed<NoteSignature> sig = parseLine(block.substring(start, end));
            if (sig instanceof Parsed.Err<NoteSignature> e) {
                return Parsed.error(e.error().shift(line - 1, 0));
            }
            sigs.add(sig.orElseThrow());
            start = end + 1;
            line++;
        }
        return Parsed.ok(new SignedNote(text, sigs));
    }

    private static Parsed<NoteSignature> parseLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            return Parsed.error(1, 1, "a signature line starts with an em dash (U+2014) and a space");
        }
        int space = line.indexOf(' ', SIGNATURE_PREFIX.length());
        if (space < 0) {
            return Parsed.error(1, line.length() + 1, "expected a space between key name and signature");
        }
        Parsed<KeyName> name = KeyName.parse(line.substring(SIGNATURE_PREFIX.length(), space));
        if (name instanceof Parsed.Err<KeyName> e) {
            return Parsed.error(e.error().shift(0, SIGNATURE_PREFIX.length()));
        }
        Optional<byte[]> decoded = CanonicalBase64.decode(line.substring(space + 1));
        if (decoded.isEmpty()) {
            return Parsed.error(1, space + 2, "signature is not canonical standard base64");
        }
        byte[] raw = decoded.get();
        if (raw.length < 5) {
            return Parsed.error(1, space + 2, "signature is shorter than a key ID and one byte");
        }
        int keyId = ByteBuffer.wrap(raw, 0, 4).getInt();
        return Parsed.ok(new NoteSignature(name.orElseThrow(), keyId, java.util.Arrays.copyOfRange(raw, 4, raw.length)));
    }

    /** The text's UTF-8 bytes: what Ed25519 note signatures sign. */
    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The note in its wire form: text, blank line, one line per signature. */
    public String encoded() {
        StringBuilder b = new StringBuilder(text).append('\n');
        for (NoteSignature sig : signatures) {
            b.append(sig.line()).append('\n');
        }
        return b.toString();
    }

    /** {@link #encoded()} as UTF-8 bytes. */
    public byte[] encodedBytes() {
        return encoded().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * This note with {@code more} signature lines appended after the existing ones; an existing
     * line by the same key (name and key ID) as a new one is replaced.
     */
    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>();
        for (NoteSignature old : signatures) {
            if (more.stream().noneMatch(n -> old.isBy(n.name(), n.keyId()))) {
                all.add(old);
            }
        }
        all.addAll(more);
        return new SignedNote(text, all);
    }

    /**
     * Verifies the signatures against {@code known} keys (c2sp.org/signed-note §Signatures):
     * lines from unknown keys (name and key ID not both known) are ignored; every line from a
     * known key is verified and one that fails rejects the whole note; at least one must verify.
     */
    public NoteVerification verify(VerifierSet known) {
        byte[] textBytes = textBytes();
        List<VerifiedSignature> verified = new ArrayList<>();
        for (NoteSignature sig : signatures) {
            Optional<NoteVerifier> found = known.find(sig.name(), sig.keyId());
            if (found.isEmpty()) {
                continue;
            }
            NoteVerifier v = found.get();
            if (!v.verify(textBytes, sig.signature())) {
                return new NoteVerification.BadSignature(this, sig.name(), sig.keyId());
            }
            if (verified.stream().noneMatch(x -> x.name().equals(sig.name()) && x.keyId() == sig.keyId())) {
                verified.add(new VerifiedSignature(sig.name(), sig.keyId(), v.type(), sig.signature()));
            }
        }
        if (verified.isEmpty()) {
            return new NoteVerification.NoKnownSignature(this);
        }
        return new NoteVerification.Verified(this, verified);
    }

    static int firstControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String s, int index) {
        int lineStart = s.lastIndexOf('\n', index - 1) + 1;
        return index - lineStart + 1;
    }
}
