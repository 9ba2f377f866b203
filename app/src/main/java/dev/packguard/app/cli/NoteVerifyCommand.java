package dev.packguard.app.cli;

import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.checkpoint.Verifiers;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.VerifiedSignature;
import dev.packguard.ledger.note.VerifierKey;
import dev.packguard.ledger.note.VerifierSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code packguard note verify --key VKEY [--key VKEY]... FILE}: verifies a signed note (for
 * example a checkpoint) against verifier keys, per the CLI contract in DESIGN.md. On success it
 * prints one {@code verified: <name>} line per key whose signature verified (with the witness
 * time for cosignatures), a blank line, and the note text. Exit 0 when at least one given key
 * verifies; 4 when none does or a given key's signature is bad; 65 when the file is unreadable or
 * not a well-formed note; 64 when a key is malformed.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a signed note (e.g. a checkpoint) against verifier keys.",
        footer = {"", "Exit codes: 0 verified by at least one given key; 4 none verified, or a given",
            "  key's signature is bad; 64 malformed key; 65 unreadable or malformed note."})
public final class NoteVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "VKEY", required = true,
            description = "Verifier key name+keyid+base64 (Ed25519 0x01, or witness cosignature 0x04). Repeatable.")
    List<String> keys;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed note file.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<VerifierKey> parsed = new ArrayList<>();
        for (String k : keys) {
            Parsed<VerifierKey> key = VerifierKey.parse(k);
            if (key instanceof Parsed.Err<VerifierKey> e) {
                err.println("packguard note verify: malformed --key " + k + " (column " + e.error().column() + ": "
                        + e.error().reason() + ")");
                return ExitCode.USAGE;
            }
            parsed.add(key.orElseThrow());
        }
        VerifierSet known;
        try {
            known = Verifiers.setOf(parsed);
        } catch (IllegalArgumentException ambiguous) {
            err.println("packguard note verify: " + ambiguous.getMessage() + "; give each key once.");
            return ExitCode.USAGE;
        }
        byte[] bytes;
        try {
            bytes = readBounded(file);
        } catch (IOException e) {
            err.println("packguard note verify: cannot read " + file + ": " + e.getMessage());
            return ExitCode.DATA;
        }
        NoteVerification result = Notes.open(bytes, known);
        if (result instanceof NoteVerification.Malformed m) {
            err.println("packguard note verify: " + file + " is not a well-formed signed note (" + m.error() + ")");
            return ExitCode.DATA;
        }
        if (result instanceof NoteVerification.BadSignature b) {
            err.println("packguard note verify: REJECTED: the signature by " + b.name() + String.format("+%08x", b.keyId())
                    + " does not verify; the note was altered or forged.");
            return ExitCode.SECURITY;
        }
        if (result instanceof NoteVerification.NoKnownSignature n) {
            err.println("packguard note verify: NOT VERIFIED: none of the " + parsed.size()
                    + " given key(s) signed this note; it is signed by: " + signers(n.note()));
            return ExitCode.SECURITY;
        }
        NoteVerification.Verified ok = (NoteVerification.Verified) result;
        for (VerifiedSignature s : ok.signatures()) {
            String time = s.type() == SignatureType.COSIGNATURE_V1
                    ? CosignatureV1.timestamp(s.signature()).map(t -> " (witness cosignature, " + t + ")").orElse("")
                    : "";
            out.println("verified: " + s.name() + time);
        }
        out.println();
        out.print(ok.note().text());
        out.flush();
        return ExitCode.OK;
    }

    private static String signers(SignedNote note) {
        return String.join(", ", note.signatures().stream()
                .map(s -> s.name() + String.format("+%08x", s.keyId())).distinct().toList());
    }

    // A note larger than the parser accepts is refused without reading all of it.
    private static byte[] readBounded(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(SignedNote.MAX_BYTES + 1);
        }
    }
}
