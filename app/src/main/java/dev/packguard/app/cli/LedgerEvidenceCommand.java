package dev.packguard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.station.StationSetup;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard ledger evidence --config FILE [--json] [--ack ID --by NAME --note TEXT]}: lists the
 * security failures the mirror recorded (rollback, fork: both signed notes), or records that the
 * pharmacist in charge investigated one. Verification stays blocked while any is unacknowledged.
 * Exit 0 listed or acknowledged, 4 (listing) when some are still unacknowledged, 65 bad
 * configuration or unknown id, 74 local read/write failure.
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "List recorded ledger security failures, or acknowledge one after investigating it.")
public final class LedgerEvidenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--json", description = "Print the evidence as JSON (notes in base64).")
    boolean json;

    @Option(names = "--ack", paramLabel = "ID", description = "Acknowledge the evidence with this id.")
    Long ack;

    @Option(names = "--by", paramLabel = "NAME", description = "Who investigated (with --ack).")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "What the investigation found (with --ack).")
    String note;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ack != null && (by == null || by.isBlank() || note == null || note.isBlank())) {
            err.println("packguard ledger evidence: --ack needs --by NAME and --note TEXT (who investigated, what they found)");
            return ExitCode.USAGE;
        }
        Optional<StationSetup.Ready> setup = SyncCommand.load(config, err);
        if (setup.isEmpty()) {
            return ExitCode.DATA;
        }
        Path mirror = setup.get().config().ledger().mirror();
        if (!Files.exists(mirror)) {
            out.println("No ledger mirror yet at " + mirror + ": nothing recorded.");
            return ExitCode.OK;
        }
        try (MirrorStore store = MirrorStore.open(mirror)) {
            if (ack != null) {
                if (!store.acknowledge(ack, by, note, clock.instant())) {
                    err.println("packguard ledger evidence: there is no unacknowledged evidence with id " + ack);
                    return ExitCode.DATA;
                }
                out.println("Evidence " + ack + " acknowledged by " + by.strip() + ". It stays in " + mirror + ".");
                return ExitCode.OK;
            }
            List<MirrorStore.RecordedEvidence> all = store.recordedEvidence();
            if (json) {
                ArrayNode array = new ObjectMapper().createArrayNode();
                for (MirrorStore.RecordedEvidence r : all) {
                    ObjectNode o = array.addObject().put("id", r.id()).put("kind", r.evidence().kind().name())
                            .put("detectedAt", r.evidence().detectedAt().toString()).put("detail", r.evidence().detail())
                            .put("storedNote", Base64.getEncoder().encodeToString(r.evidence().storedNote()))
                            .put("offeredNote", Base64.getEncoder().encodeToString(r.evidence().offeredNote()));
                    r.acknowledgement().ifPresent(a -> o.putObject("acknowledged").put("by", a.by())
                            .put("at", a.at().toString()).put("note", a.note()));
                }
                out.println(array);
            } else if (all.isEmpty()) {
                out.println("No security failures recorded.");
            } else {
                for (MirrorStore.RecordedEvidence r : all) {
                    out.println("#" + r.id() + " " + r.evidence().kind() + " at " + r.evidence().detectedAt() + ": "
                            + r.evidence().detail());
                    out.println(r.acknowledgement().map(a -> "  acknowledged by " + a.by() + " at " + a.at() + ": " + a.note())
                            .orElse("  NOT ACKNOWLEDGED: verification is blocked until the pharmacist in charge has "
                                    + "investigated (--ack " + r.id() + " --by NAME --note TEXT)"));
                    out.println("  stored note:\n" + indent(r.evidence().storedNote()));
                    out.println("  offered note:\n" + indent(r.evidence().offeredNote()));
                }
            }
            return all.stream().anyMatch(r -> r.acknowledgement().isEmpty()) ? ExitCode.SECURITY : ExitCode.OK;
        } catch (MirrorStoreException e) {
            err.println("packguard ledger evidence: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
    }

    private static String indent(byte[] note) {
        return ("    " + new String(note, StandardCharsets.UTF_8).stripTrailing()).replace("\n", "\n    ");
    }
}
