package dev.packguard.app.station;

import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a station configuration and the policy file it names: what every command and the GUI start from. */
public final class StationSetup {
    private StationSetup() {
    }

    /** The outcome of {@link #load}. */
    public sealed interface Result {
    }

    /** A valid configuration and its valid policy. */
    public record Ready(StationConfig config, Policy policy) implements Result {
    }

    /** What is wrong, naming the file and field or line, ready to show to the person who can fix it. */
    public record Problem(String message) implements Result {
    }

    /** Reads {@code file} and its policy. Never throws for bad content. */
    public static Result load(Path file) {
        ConfigResult result = StationConfigParser.read(file);
        if (result instanceof ConfigResult.Invalid bad) {
            return new Problem("The station configuration " + file + " has problems:\n" + bad.describe());
        }
        StationConfig cfg = ((ConfigResult.Valid) result).config();
        byte[] policyBytes;
        try {
            policyBytes = Files.readAllBytes(cfg.ledger().policy());
        } catch (IOException e) {
            return new Problem("Cannot read the policy file " + cfg.ledger().policy() + " (ledger.policy in " + file
                    + "): " + e.getMessage());
        }
        Parsed<Policy> policy = PolicyParser.parse(policyBytes);
        if (policy instanceof Parsed.Err<Policy> bad) {
            return new Problem("The policy file " + cfg.ledger().policy() + " (ledger.policy in " + file
                    + ") is invalid: " + bad.error());
        }
        return new Ready(cfg, ((Parsed.Ok<Policy>) policy).value());
    }
}
