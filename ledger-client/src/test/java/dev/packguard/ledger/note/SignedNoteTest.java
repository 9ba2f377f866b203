package dev.packguard.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignedNoteTest {
    // golang.org/x/mod sumdb/note/note_test.go (TestOpen)
    static final String TEXT = SignerKeyTest.TEXT;
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    // c2sp.org/signed-note v1.1.0, the example note signed by example.com/foo
    static final String SPEC_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    // c2sp.org/signed-note, the opening example: its text contains an empty line
    static final String QUASIMODO = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n\n"
            + "\u2014 quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

    static NoteVerifier verifier(String vkey) {
        return NoteVerifier.ed25519(VerifierKey.parse(vkey).orElseThrow());
    }

    static NoteVerification open(String note, NoteVerifier... known) {
        return Notes.open(note.getBytes(StandardCharsets.UTF_8), VerifierSet.of(known));
    }

    @Test
    void open_specExampleVerifiesWithTheSpecKey() {
        NoteVerification r = open(SPEC_NOTE, verifier(VerifierKeyTest.SPEC_EXAMPLE));
        assertThat(r).isInstanceOf(NoteVerification.Verified.class);
        NoteVerification.Verified v = (NoteVerification.Verified) r;
        assertThat(v.note().text()).isEqualTo("This is an example message.\n");
        assertThat(v.names()).containsExactly(new KeyName("example.com/foo"));
    }

    @Test
    void parse_textMayContainEmptyLinesAndIsSplitAtTheLastOne() {
        SignedNote note = SignedNote.parse(QUASIMODO.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(note.text()).isEqualTo("Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n");
        assertThat(note.signatures()).singleElement().satisfies(s -> assertThat(s.name().value()).isEqualTo("quasimodo.example/salvatore"));
        assertThat(note.encoded()).isEqualTo(QUASIMODO);
    }

    @Test
    void open_unknownKeysAreIgnoredAndKnownOnesVerified() {
        NoteVerification one = open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, verifier(VerifierKeyTest.PETER));
        assertThat(((NoteVerification.Verified) one).names()).containsExactly(new KeyName("PeterNeumann"));

        NoteVerification both = open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, verifier(VerifierKeyTest.PETER), verifier(VerifierKeyTest.ENOCH));
        assertThat(((NoteVerification.Verified) both).names()).extracting(KeyName::value).containsExactly("PeterNeumann", "EnochRoot");
    }

    @Test
    void open_withNoKnownKeyIsNotVerified() {
        assertThat(open(TEXT + "\n" + PETER_SIG + ENOCH_SIG)).isInstanceOf(NoteVerification.NoKnownSignature.class);
    }

    @Test
    void open_sameNameOtherKeyIdIsIgnoredNotRejected() {
        // signed-note §Signatures: a key sharing only the name with a known key is unknown.
        String otherId = PETER_SIG.replace("x08go/", "AAAAAP");
        assertThat(open(TEXT + "\n" + otherId + ENOCH_SIG, verifier(VerifierKeyTest.PETER), verifier(VerifierKeyTest.ENOCH)))
                .isInstanceOf(NoteVerification.Verified.class);
        assertThat(open(TEXT + "\n" + otherId, verifier(VerifierKeyTest.PETER))).isInstanceOf(NoteVerification.NoKnownSignature.class);
    }

    @Test
    void open_badSignatureFromAKnownKeyRejectsTheWholeNote() {
        String corrupted = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        NoteVerification r = open(TEXT + "\n" + ENOCH_SIG + corrupted, verifier(VerifierKeyTest.PETER), verifier(VerifierKeyTest.ENOCH));
        assertThat(r).isInstanceOfSatisfying(NoteVerification.BadSignature.class,
                b -> assertThat(b.name().value()).isEqualTo("PeterNeumann"));
    }

    @Test
    void open_changedTextFailsEveryKnownSignature() {
        String tampered = TEXT.replace("cryptography", "cryptograph") + "\n" + PETER_SIG;
        assertThat(open(tampered, verifier(VerifierKeyTest.PETER))).isInstanceOf(NoteVerification.BadSignature.class);
    }

    @Test
    void open_repeatedLinesFromOneKeyAreEachVerifiedAndNamedOnce() {
        NoteVerification r = open(TEXT + "\n" + PETER_SIG + PETER_SIG, verifier(VerifierKeyTest.PETER));
        assertThat(((NoteVerification.Verified) r).signatures()).hasSize(1);
    }

    @Test
    void parse_refusesMoreThanTheSignatureLimit() {
        String many = TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES + 1);
        assertThat(open(many, verifier(VerifierKeyTest.PETER))).isInstanceOfSatisfying(NoteVerification.Malformed.class,
                m -> assertThat(m.error().reason()).contains("more than 32 signatures"));
        assertThat(open(TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES), verifier(VerifierKeyTest.PETER)))
                .isInstanceOf(NoteVerification.Verified.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TEXT                                | 3 | 1  | no blank line before the signatures
            TEXT<NL>                            | 4 | 1  | no signature lines after the blank line
            TEXT<NL>PETER_UNTERMINATED          | 4 | 108| the last signature line does not end in a newline
            <SOH>TEXT<NL>PETER                  | 1 | 1  | control character U+0001 is not allowed in a note
            TEXT<CR><NL>PETER                   | 3 | 1  | control character U+000D is not allowed in a note
            TEXT<NL>- PeterNeumann AAAA<NL>     | 4 | 1  | a signature line starts with an em dash (U+2014) and a space
            TEXT<NL><EM> Bad Name x08g<NL>      | 4 | 7  | signature is not canonical standard base64
            TEXT<NL><EM> BadName<NL>            | 4 | 10 | expected a space between key name and signature
            TEXT<NL>PETER<EM> Peter+N AAAAAA==<NL> | 5 | 8 | key name contains '+'
            TEXT<NL>PETER<EM> P AAAAAA==<NL>    | 5 | 5  | signature is shorter than a key ID and one byte
            TEXT<NL>PETER<EM> P AAAAAAB=<NL>    | 5 | 5  | signature is not canonical standard base64
            TEXT<NL>PETERUnexpected line.<NL>   | 5 | 1  | a signature line starts with an em dash (U+2014) and a space
            """)
    void parse_refusesMalformedNotesNamingLineAndCause(String template, int line, int column, String reason) {
        String note = template.replace("PETER_UNTERMINATED", PETER_SIG.substring(0, PETER_SIG.length() - 1))
                .replace("PETER", PETER_SIG).replace("TEXT", TEXT).replace("<NL>", "\n").replace("<CR>", "\r")
                .replace("<SOH>", "\u0001").replace("<EM>", "\u2014");
        NoteVerification r = open(note, verifier(VerifierKeyTest.PETER));
        assertThat(r).isInstanceOfSatisfying(NoteVerification.Malformed.class, m -> {
            assertThat(m.error().reason()).isEqualTo(reason);
            assertThat(m.error().line()).isEqualTo(line);
            assertThat(m.error().column()).isEqualTo(column);
        });
    }

    @Test
    void parse_refusesInvalidUtf8AndOversizedInput() {
        byte[] bad = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        bad[0] = (byte) 0xff;
        assertThat(SignedNote.parse(bad)).isInstanceOf(Parsed.Err.class);
        assertThat(SignedNote.parse(new byte[SignedNote.MAX_BYTES + 1])).isInstanceOf(Parsed.Err.class);
    }

    @Test
    void addSignatures_replacesTheSignersOldLineAndKeepsOthers() {
        SignerKey peter = SignerKey.parse(SignerKeyTest.PETER_SKEY).orElseThrow();
        SignedNote note = SignedNote.parse(TEXT + "\n" + ENOCH_SIG + PETER_SIG.replace("x08go/ZJ", "x08go/ZK")).orElseThrow();
        SignedNote resigned = Notes.addSignatures(note, List.of(peter.noteSigner()));
        assertThat(resigned.encoded()).isEqualTo(TEXT + "\n" + ENOCH_SIG + PETER_SIG);
    }
}
