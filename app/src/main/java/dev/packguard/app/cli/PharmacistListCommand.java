package dev.packguard.app.cli;

import dev.packguard.app.station.files.EntryListFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.packguard.app.station.packing.PharmacistPins;
import dev.packguard.app.station.pharmacist.PharmacistsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard pharmacist list --config FILE [--json]}: who is enrolled in the station's
 * pharmacists file (ids and names; never the hashes). Exit 0 listed (also when the file does not
 * exist yet: nobody), 64 when the configuration names no pharmacists file, 65 unreadable
 * configuration or pharmacists file.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the enrolled pharmacists.")
public final class PharmacistListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--json", description = "Print a JSON array of {id, name}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PharmacistAddCommand.Located file = PharmacistAddCommand.locate(config, "list", err);
        if (file.exitCode() != ExitCode.OK) {
            return file.exitCode();
        }
        EntryListFile.Read<PharmacistPins.Pharmacist> read = PharmacistsFile.read(file.path());
        if (read instanceof EntryListFile.Read.Invalid<PharmacistPins.Pharmacist> i) {
            err.println("packguard pharmacist list: " + i.describe());
            return ExitCode.DATA;
        }
        var all = read instanceof EntryListFile.Read.Loaded<PharmacistPins.Pharmacist> l ? l.entries() : java.util.List.<PharmacistPins.Pharmacist>of();
        if (json) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            all.forEach(p -> array.addObject().put("id", p.id()).put("name", p.name()));
            out.println(array);
        } else if (all.isEmpty()) {
            out.println("No pharmacists enrolled in " + file.path() + ". " + PharmacistsFile.HOW_TO_ENROL);
        } else {
            all.forEach(p -> out.println(p.id() + "\t" + p.name()));
        }
        return ExitCode.OK;
    }
}
