package dev.packguard.app.cli;

import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard operator add --config FILE --badge ID --name NAME [--role R] [--replace]}:
 * registers an operator in the station's operators roster (docs/CONFIGURATION.md "Operators"),
 * creating the file when it does not exist yet; the file is replaced atomically. Exit 0
 * registered, 64 usage (bad badge, name or role; no {@code station.operators} in the
 * configuration), 65 unreadable configuration or roster, a badge already registered without
 * {@code --replace}, a name another badge has; 74 the file could not be written.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Register an operator: their badge id, the name the station shows, their role.")
public final class OperatorAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--badge", paramLabel = "ID", required = true, description = "What the operator's badge scans as.")
    String badge;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "Name shown on screen and in the pick-list.")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "technician",
            description = "technician (default) or pharmacist.")
    String role;

    @Option(names = "--replace", description = "Change the name or role of a badge already registered.")
    boolean replace;

    /** The operators roster of a configuration, or the exit code saying why there is none. */
    record Located(Path path, int exitCode) {
    }

    static Located locate(Path config, String sub, PrintWriter err) {
        ConfigResult cfg = StationConfigParser.read(config);
        if (cfg instanceof ConfigResult.Invalid i) {
            err.println("packguard operator " + sub + ": the configuration " + config + " is not valid:\n"
                    + i.describe().stripTrailing());
            return new Located(config, ExitCode.DATA);
        }
        Optional<Path> file = ((ConfigResult.Valid) cfg).config().station().operators();
        if (file.isEmpty()) {
            err.println("packguard operator " + sub + ": " + config + " sets no station.operators (so any badge signs "
                    + "in); add e.g. \"operators\": \"operators.json\" to its \"station\" object");
            return new Located(config, ExitCode.USAGE);
        }
        return new Located(file.get(), ExitCode.OK);
    }

    /** The roster's operators, or the exit code when the file cannot be used (missing is empty). */
    static Optional<List<Operator>> load(Path file, String sub, PrintWriter err) {
        EntryListFile.Read<Operator> read = OperatorsFile.read(file);
        if (read instanceof EntryListFile.Read.Invalid<Operator> i) {
            err.println("packguard operator " + sub + ": " + i.describe());
            return Optional.empty();
        }
        return Optional.of(read instanceof EntryListFile.Read.Loaded<Operator> l ? l.entries() : List.of());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Operator.BADGE.matcher(badge).matches()) {
            err.println("packguard operator add: --badge must be 2 to 64 letters, digits, '.', '_' or '-'");
            return ExitCode.USAGE;
        }
        String shownName = name.strip();
        if (!Operator.validName(shownName)) {
            err.println("packguard operator add: --name must be 1 to " + Operator.MAX_NAME + " printable characters");
            return ExitCode.USAGE;
        }
        Optional<Operator.Role> r = Operator.Role.parse(role.strip().toLowerCase(Locale.ROOT));
        if (r.isEmpty()) {
            err.println("packguard operator add: --role must be technician or pharmacist, not \"" + role + "\"");
            return ExitCode.USAGE;
        }
        Located file = locate(config, "add", err);
        if (file.exitCode() != ExitCode.OK) {
            return file.exitCode();
        }
        Optional<List<Operator>> loaded = load(file.path(), "add", err);
        if (loaded.isEmpty()) {
            return ExitCode.DATA;
        }
        List<Operator> all = new ArrayList<>(loaded.get());
        Optional<Operator> same = all.stream().filter(o -> o.badge().equalsIgnoreCase(badge)).findFirst();
        if (same.isPresent() && !replace) {
            err.println("packguard operator add: badge " + same.get().badge() + " (" + same.get().name() + ") is already "
                    + "registered in " + file.path() + "; use --replace to change its name or role");
            return ExitCode.DATA;
        }
        Optional<Operator> namesake = all.stream().filter(o -> !o.badge().equalsIgnoreCase(badge)
                && o.name().equalsIgnoreCase(shownName)).findFirst();
        if (namesake.isPresent()) {
            err.println("packguard operator add: " + namesake.get().badge() + " is already called \"" + namesake.get().name()
                    + "\"; the pick-list must tell operators apart, so give a distinguishing name");
            return ExitCode.DATA;
        }
        Operator added = new Operator(same.map(Operator::badge).orElse(badge), shownName, r.get());
        all.replaceAll(o -> o.badge().equalsIgnoreCase(badge) ? added : o);
        if (same.isEmpty()) {
            all.add(added);
        }
        try {
            OperatorsFile.write(file.path(), all);
        } catch (IOException e) {
            err.println("packguard operator add: cannot write " + file.path() + ": " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
        out.println((same.isPresent() ? "Updated " : "Registered ") + added.badge() + " (" + added.name() + ", "
                + added.role().wireName() + ") in " + file.path() + ".");
        return ExitCode.OK;
    }
}
