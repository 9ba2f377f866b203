package dev.packguard.app.cli;

import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.policy.ProofFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code packguard proof verify FILE --policy FILE [--entry FILE]}: checks a tlog-proof file
 * offline with nothing but a trust policy. Exit 0 verified, 4 refused (checkpoint not trusted,
 * entry not included), 65 unreadable or malformed input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a tlog-proof file using nothing but a policy file.",
        footer = {"", "Exit codes: 0 verified, 4 refused, 65 unreadable or malformed file."})
public final class ProofVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .tlog-proof file.")
    Path file;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "The trust policy (tlog-policy).")
    Path policyFile;

    @Option(names = "--entry", paramLabel = "FILE",
            description = "The entry's bytes; by default the entry carried in the proof's extra data.")
    Path entryFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] proof;
        byte[] policyBytes;
        Optional<byte[]> entry = Optional.empty();
        try {
            proof = Files.readAllBytes(file);
            policyBytes = Files.readAllBytes(policyFile);
            if (entryFile != null) {
                entry = Optional.of(Files.readAllBytes(entryFile));
            }
        } catch (IOException e) {
            err.println("packguard proof verify: cannot read " + e.getMessage());
            return ExitCode.DATA;
        }
        Parsed<Policy> policy = PolicyParser.parse(policyBytes);
        if (policy instanceof Parsed.Err<Policy> bad) {
            err.println("packguard proof verify: the policy file " + policyFile + " is invalid: " + bad.error());
            return ExitCode.DATA;
        }
        ProofFiles.Result r = ProofFiles.verify(proof, ((Parsed.Ok<Policy>) policy).value(), entry);
        if (r instanceof ProofFiles.Malformed m) {
            err.println("packguard proof verify: " + file + " is " + m.reason());
            return ExitCode.DATA;
        }
        if (r instanceof ProofFiles.Refused f) {
            err.println("REFUSED: " + file + ": " + f.reason());
            return ExitCode.SECURITY;
        }
        ProofFiles.Verified v = (ProofFiles.Verified) r;
        out.println(String.format("VERIFIED: entry %,d is in %s at tree size %,d (root %s)", v.index(), v.origin(),
                v.size(), v.root().base64()));
        out.println("witnesses: " + (v.witnesses().isEmpty() ? "none required" : String.join(", ", v.witnesses())));
        out.println();
        out.println(printable(v.entry()));
        return ExitCode.OK;
    }

    private static String printable(byte[] entry) {
        String text = new String(entry, StandardCharsets.UTF_8);
        boolean plain = text.chars().allMatch(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && c != 0xfffd));
        return plain ? text : "(binary entry, " + entry.length + " bytes)";
    }
}
