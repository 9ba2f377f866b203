package dev.packguard.app.config;

import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.operators.OperatorsFile;
import dev.packguard.app.verification.TrustAnchor;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.Parse;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the files a valid configuration names, so that a setting pointing at the wrong file
 * is caught when it is saved, with the field named, rather than when the station first needs
 * it: the policy parses (docs/LEDGER.md "Policy"), the trust anchor is a usable consortium root,
 * the signing key is a PKCS#8 key ({@link PrivateKeyFile}), the pharmacists file can be read,
 * the operators roster parses ({@link OperatorsFile}), the mirror's folder exists, and input.ffmpeg is a
 * program. Reads files: call off the FX thread.
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** Every problem found, each naming its field; empty when all files are usable. */
    public static List<ConfigError> check(StationConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        Path policy = config.ledger().policy();
        try {
            if (Files.size(policy) > PolicyParser.MAX_BYTES) {
                errors.add(new ConfigError("ledger.policy", policy + " is too large to be a policy file"));
            } else if (PolicyParser.parse(Files.readAllBytes(policy)) instanceof Parsed.Err<Policy> bad) {
                errors.add(new ConfigError("ledger.policy", policy + " is not a valid policy file: " + bad.error()));
            }
        } catch (IOException e) {
            errors.add(new ConfigError("ledger.policy", "cannot read " + policy + ": " + describe(e)));
        }
        config.ledger().trustAnchor().ifPresent(anchor -> {
            if (TrustAnchor.load(anchor) instanceof Parse.Unusable<ConsortiumRoot> u) {
                errors.add(new ConfigError("ledger.trustAnchor", u.reason()));
            }
        });
        Path mirror = config.ledger().mirror();
        if (Files.isDirectory(mirror)) {
            errors.add(new ConfigError("ledger.mirror", mirror + " is a folder; name the mirror's file, e.g. mirror.db"));
        } else if (mirror.getParent() != null && !Files.isDirectory(mirror.getParent())) {
            errors.add(new ConfigError("ledger.mirror", "the folder " + mirror.getParent() + " does not exist"));
        }
        config.station().signingKey().flatMap(PrivateKeyFile::problem)
                .ifPresent(p -> errors.add(new ConfigError("station.signingKey", p)));
        config.station().pharmacists().ifPresent(file -> {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                errors.add(new ConfigError("station.pharmacists", file + " does not exist or cannot be read"));
            }
        });
        config.station().operators().ifPresent(file -> {
            EntryListFile.Read<Operator> read = OperatorsFile.read(file);
            if (read instanceof EntryListFile.Read.Missing<Operator>) {
                errors.add(new ConfigError("station.operators", file + " does not exist; create it with \""
                        + OperatorRoster.HOW_TO_ADD + "\" or leave the setting empty to let any badge sign in"));
            } else if (read instanceof EntryListFile.Read.Invalid<Operator> bad) {
                errors.add(new ConfigError("station.operators", bad.describe()));
            }
        });
        config.input().ffmpeg().ifPresent(ffmpeg -> {
            if (!Files.isRegularFile(ffmpeg) || !Files.isExecutable(ffmpeg)) {
                errors.add(new ConfigError("input.ffmpeg", ffmpeg + " is not an executable file; the camera is read with ffmpeg"));
            }
        });
        return errors;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
