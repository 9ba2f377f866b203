package dev.packguard.app.cli;

import dev.packguard.app.station.StationSetup;
import dev.packguard.app.verification.ScanVerifier;
import dev.packguard.ledger.index.StatementIndex;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.statement.CompanyPrefix;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.EpcisExport;
import dev.packguard.ledger.statement.KnownUnit;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.UnitCommitment;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.scan.ScanDecoder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code packguard epcis export --config FILE SCAN}: the verified history of one scanned unit from
 * the station's mirror (offline), as an EPCIS 2.0 JSON document on standard output. Exit 0
 * written, 65 unreadable scan or bad configuration or no history, 74 local read failure.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the verified history of a scanned unit as an EPCIS 2.0 JSON document.")
public final class EpcisExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Parameters(index = "0", paramLabel = "SCAN", description = "The unit's code, as a scanner sends it.")
    String scan;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<StationSetup.Ready> setup = SyncCommand.load(config, err);
        if (setup.isEmpty()) {
            return ExitCode.DATA;
        }
        ParseResult parsed = ScanDecoder.forWedge().decode(scan);
        Optional<UnitScan> unit = parsed instanceof ParseResult.Success ok ? ScanVerifier.toUnit(ok.identifier())
                : Optional.empty();
        if (unit.isEmpty()) {
            err.println("packguard epcis export: the scan is not a serialised pack code"
                    + (parsed instanceof ParseResult.Failure f ? " (" + f.error().message() + ")" : ""));
            return ExitCode.DATA;
        }
        Path mirror = setup.get().config().ledger().mirror();
        if (!Files.exists(mirror)) {
            err.println("packguard epcis export: there is no ledger mirror at " + mirror + " yet; run packguard sync first.");
            return ExitCode.DATA;
        }
        try (MirrorStore store = StatementIndexer.openIndexed(mirror)) {
            StatementIndex index = new StatementIndex(store);
            UnitCommitment commitment = UnitCommitment.of(unit.get().gtin(), unit.get().serial());
            List<Statement> history = new ArrayList<>();
            for (long i : index.unitEvents(commitment)) {
                decoded(store, i).ifPresent(history::add);
            }
            if (history.isEmpty()) {
                err.println("packguard epcis export: the ledger has no history for this unit");
                return ExitCode.DATA;
            }
            Set<CompanyPrefix> prefixes = new LinkedHashSet<>();
            for (long i : index.directoryEntries()) {
                decoded(store, i).filter(s -> s instanceof PartyRegistration)
                        .ifPresent(s -> prefixes.addAll(((PartyRegistration) s).companyPrefixes()));
            }
            byte[] document = new EpcisExport(prefixes, List.of(new KnownUnit(unit.get().gtin(), unit.get().serial())))
                    .export(history, clock.instant());
            spec.commandLine().getOut().println(new String(document, StandardCharsets.UTF_8));
            return ExitCode.OK;
        } catch (MirrorStoreException e) {
            err.println("packguard epcis export: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
    }

    private static Optional<Statement> decoded(MirrorStore store, long index) throws MirrorStoreException {
        Optional<byte[]> entry = store.entry(index);
        if (entry.isPresent() && EntryDecoder.decode(entry.get()) instanceof EntryDecoding.Decoded d) {
            return Optional.of(d.entry().statement());
        }
        return Optional.empty();
    }
}
