package dev.packguard.ledger.checkpoint;

import dev.packguard.ledger.note.VerifierKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded real-world notes and keys under {@code /notes/} (see notes/README.md there for
 * where each comes from). Public so tests in other modules can use them through the test-jar.
 */
public final class NoteFixtures {
    /** sum.golang.org checkpoint, tree size 6476701, one log signature. */
    public static final String SUMDB_6476701 = "sum.golang.org-6476701.note";
    /** sum.golang.org checkpoint, tree size 15067302, plus a signature by an unknown key. */
    public static final String SUMDB_15067302 = "sum.golang.org-15067302.note";
    /** arche2025h1 static CT log checkpoint, cosigned by four witnesses. */
    public static final String ARCHE_COSIGNED = "arche2025h1-1432088532.note";
    public static final String SUMDB_VKEY = "sum.golang.org.vkey";
    public static final String ARCHE_VKEY = "arche2025h1.staging.ct.transparency.dev.vkey";
    public static final String REMORA_VKEY = "remora.n621.de.vkey";

    private NoteFixtures() {
    }

    /** The exact bytes of fixture {@code name}. */
    public static byte[] bytes(String name) {
        try (InputStream in = NoteFixtures.class.getResourceAsStream("/notes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /notes/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fixture {@code name} as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The verifier key stored in fixture {@code name}. */
    public static VerifierKey vkey(String name) {
        return VerifierKey.parse(text(name).strip()).orElseThrow();
    }
}
