package dev.packguard.app.cli;

import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.app.station.packing.PharmacistPins;
import dev.packguard.app.station.pharmacist.PharmacistsFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard pharmacist add --config FILE --id ID --name NAME [--replace]}: enrols a
 * pharmacist in the station's pharmacists file (docs/CONFIGURATION.md "Pharmacists"), reading
 * the PIN twice without echo from the console, or two lines from standard input when there is
 * no console (scripts, tests). The PIN is stored only as a PBKDF2 hash; the file is replaced
 * atomically. Exit 0 enrolled, 64 usage (bad id or name, no {@code station.pharmacists} in the
 * configuration), 65 unreadable configuration or pharmacists file, PINs that differ or are too
 * short, an id already enrolled without {@code --replace}; 74 the file could not be written.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Enrol a pharmacist: asks for the PIN twice (no echo), stores only its PBKDF2 hash.")
public final class PharmacistAddCommand implements Callable<Integer> {
    /** Shortest PIN accepted. */
    public static final int MIN_PIN = 4;
    private static final int MAX_PIN = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--id", paramLabel = "ID", required = true, description = "What the pharmacist types as id.")
    String id;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "Name shown and recorded.")
    String name;

    @Option(names = "--replace", description = "Set a new PIN (and name) for an id already enrolled.")
    boolean replace;

    /** Where the PIN comes from when there is no console. */
    java.io.InputStream stdin = System.in;

    /** The pharmacists file of a configuration, or the exit code saying why there is none. */
    record Located(Path path, int exitCode) {
    }

    static Located locate(Path config, String sub, PrintWriter err) {
        ConfigResult cfg = StationConfigParser.read(config);
        if (cfg instanceof ConfigResult.Invalid i) {
            err.println("packguard pharmacist " + sub + ": the configuration " + config + " is not valid:\n"
                    + i.describe().stripTrailing());
            return new Located(config, ExitCode.DATA);
        }
        Optional<Path> file = ((ConfigResult.Valid) cfg).config().station().pharmacists();
        if (file.isEmpty()) {
            err.println("packguard pharmacist " + sub + ": " + config + " sets no station.pharmacists; add e.g. "
                    + "\"pharmacists\": \"pharmacists.json\" to its \"station\" object");
            return new Located(config, ExitCode.USAGE);
        }
        return new Located(file.get(), ExitCode.OK);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!PharmacistsFile.ID.matcher(id).matches()) {
            err.println("packguard pharmacist add: --id must be 2 to 64 letters, digits, '.', '_' or '-'");
            return ExitCode.USAGE;
        }
        if (name.isBlank() || name.length() > 120 || name.chars().anyMatch(Character::isISOControl)) {
            err.println("packguard pharmacist add: --name must be 1 to 120 printable characters");
            return ExitCode.USAGE;
        }
        Located file = locate(config, "add", err);
        if (file.exitCode() != ExitCode.OK) {
            return file.exitCode();
        }
        EntryListFile.Read<PharmacistPins.Pharmacist> read = PharmacistsFile.read(file.path());
        if (read instanceof EntryListFile.Read.Invalid<PharmacistPins.Pharmacist> i) {
            err.println("packguard pharmacist add: " + i.describe());
            return ExitCode.DATA;
        }
        List<PharmacistPins.Pharmacist> all = new ArrayList<>(read instanceof EntryListFile.Read.Loaded<PharmacistPins.Pharmacist> l
                ? l.entries() : List.of());
        boolean known = all.stream().anyMatch(p -> p.id().equals(id));
        if (known && !replace) {
            err.println("packguard pharmacist add: " + id + " is already enrolled in " + file.path()
                    + "; use --replace to set a new PIN");
            return ExitCode.DATA;
        }
        char[] pin = null;
        try {
            Optional<char[]> read2 = readPinTwice(err);
            if (read2.isEmpty()) {
                return ExitCode.DATA;
            }
            pin = read2.get();
            PharmacistPins.Pharmacist enrolled = PharmacistPins.enrol(id, name.strip(), pin,
                    PharmacistPins.DEFAULT_ITERATIONS);
            all.removeIf(p -> p.id().equals(id));
            all.add(enrolled);
            PharmacistsFile.write(file.path(), all);
        } catch (IOException e) {
            err.println("packguard pharmacist add: cannot write " + file.path() + ": " + e.getMessage());
            return ExitCode.IO_ERROR;
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
        out.println((known ? "New PIN set for " : "Enrolled ") + id + " (" + name.strip() + ") in " + file.path() + ".");
        return ExitCode.OK;
    }

    // The PIN never reaches the command line (shell history, ps) and is cleared after use.
    private Optional<char[]> readPinTwice(PrintWriter err) throws IOException {
        char[] first;
        char[] second;
        Console console = System.console();
        if (console != null) {
            first = console.readPassword("PIN for %s: ", id);
            second = first == null ? null : console.readPassword("PIN again: ");
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            first = line(in);
            second = first == null ? null : line(in);
        }
        try {
            if (first == null || second == null) {
                err.println("packguard pharmacist add: no PIN given (expected it twice, one per line)");
                return Optional.empty();
            }
            if (!Arrays.equals(first, second)) {
                err.println("packguard pharmacist add: the two PINs differ; nothing was changed");
                return Optional.empty();
            }
            if (first.length < MIN_PIN || first.length > MAX_PIN || hasWhitespace(first)) {
                err.println("packguard pharmacist add: a PIN is " + MIN_PIN + " to " + MAX_PIN
                        + " characters without spaces; nothing was changed");
                return Optional.empty();
            }
            return Optional.of(first.clone());
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static boolean hasWhitespace(char[] pin) {
        for (char c : pin) {
            if (Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static char[] line(BufferedReader in) throws IOException {
        String s = in.readLine();
        return s == null ? null : s.toCharArray();
    }
}
