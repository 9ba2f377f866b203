package dev.packguard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorRoster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard operator list --config FILE [--json]}: who is on the station's operators
 * roster, in the pick-list's order (by name): badge, name, role, one per line. Exit 0 listed
 * (also when the file does not exist yet: nobody), 64 when the configuration names no roster,
 * 65 unreadable configuration or roster.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered operators.")
public final class OperatorListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--json", description = "Print a JSON array of {badge, name, role}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OperatorAddCommand.Located file = OperatorAddCommand.locate(config, "list", err);
        if (file.exitCode() != ExitCode.OK) {
            return file.exitCode();
        }
        Optional<List<Operator>> loaded = OperatorAddCommand.load(file.path(), "list", err);
        if (loaded.isEmpty()) {
            return ExitCode.DATA;
        }
        List<Operator> all = OperatorRoster.of(file.path(), loaded.get()).pickList();
        if (json) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            all.forEach(o -> array.addObject().put("badge", o.badge()).put("name", o.name()).put("role", o.role().wireName()));
            out.println(array);
        } else if (all.isEmpty()) {
            out.println("No operators are registered in " + file.path() + ", so nobody can sign in. Register one with: "
                    + "packguard operator add --config FILE --badge ID --name NAME [--role technician|pharmacist]");
        } else {
            all.forEach(o -> out.println(o.badge() + "\t" + o.name() + "\t" + o.role().wireName()));
        }
        return ExitCode.OK;
    }
}
