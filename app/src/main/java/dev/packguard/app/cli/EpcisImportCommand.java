package dev.packguard.app.cli;

import dev.packguard.ledger.statement.EpcisImport;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.StatementCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code packguard epcis import --party GLN FILE}: reads a trading partner's EPCIS 2.0 JSON
 * document into PackGuard statement bodies (canonical JSON, one per line) for {@code GLN} to sign;
 * events it cannot map are listed on stderr with their position. Exit 0 read, 65 unreadable.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read an EPCIS 2.0 JSON document into unsigned PackGuard statements (one per line).")
public final class EpcisImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--party", paramLabel = "GLN", required = true, description = "The party that will sign the statements.")
    String party;

    @Parameters(index = "0", paramLabel = "FILE", description = "The EPCIS 2.0 JSON document.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Gln.isValid(party)) {
            err.println("packguard epcis import: --party " + party + " is not a GLN (13 digits, valid check digit)");
            return ExitCode.USAGE;
        }
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("packguard epcis import: cannot read " + file + ": " + e.getMessage());
            return ExitCode.DATA;
        }
        EpcisImport.Result result = EpcisImport.read(document, new Gln(party));
        if (result instanceof EpcisImport.Result.Unreadable u) {
            err.println("packguard epcis import: " + file + " is not a usable EPCIS document: " + u.reason());
            return ExitCode.DATA;
        }
        EpcisImport.Result.Imported imported = (EpcisImport.Result.Imported) result;
        for (Statement s : imported.statements()) {
            out.println(new String(StatementCodec.body(s), StandardCharsets.UTF_8));
        }
        imported.skipped().forEach(s -> err.println("skipped event " + s.index() + ": " + s.reason()));
        err.println(imported.statements().size() + " statement(s) read, " + imported.skipped().size() + " skipped");
        return ExitCode.OK;
    }
}
