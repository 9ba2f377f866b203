package dev.packguard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.Ages;
import dev.packguard.app.station.StationSetup;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncProgress;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard sync --config FILE [--json]}: brings the station's ledger mirror up to the
 * log's latest checkpoint and verifies it. Exit 0 synced or up to date, 3 log unreachable but
 * the local copy is valid, 4 security failure, 65 bad configuration or policy, 69 unreachable
 * with no local copy yet, 74 local write failure (disk full).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Synchronise the local ledger mirror from the configured log and verify it.")
public final class SyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    /** Overridden in tests; the station's clock otherwise. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<StationSetup.Ready> loaded = load(config, err);
        if (loaded.isEmpty()) {
            return ExitCode.DATA;
        }
        StationConfig cfg = loaded.get().config();
        LogFetcher.Settings settings = new LogFetcher.Settings(cfg.ledger().timeout(), 4, Duration.ofMillis(250),
                cfg.ledger().parallelDownloads());
        try (MirrorStore store = StatementIndexer.openIndexed(cfg.ledger().mirror())) {
            MirrorSync sync = new MirrorSync(store, new LogFetcher(cfg.ledger().url(), settings),
                    new PolicyVerifier(loaded.get().policy(), clock), clock);
            SyncResult result = sync.sync(json ? p -> { } : new ProgressLine(err));
            return report(result, cfg, out, err);
        } catch (MirrorStoreException e) {
            err.println("packguard sync: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
    }

    /** Reads the configuration and its policy, printing the problem; empty when either is bad. */
    static Optional<StationSetup.Ready> load(Path file, PrintWriter err) {
        StationSetup.Result result = StationSetup.load(file);
        if (result instanceof StationSetup.Problem p) {
            err.println("packguard: " + p.message().stripTrailing());
            return Optional.empty();
        }
        return Optional.of((StationSetup.Ready) result);
    }

    private int report(SyncResult result, StationConfig cfg, PrintWriter out, PrintWriter err) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        int code;
        String line;
        Optional<VerifiedCheckpoint> cp;
        if (result instanceof SyncResult.Synced s) {
            code = ExitCode.OK;
            cp = Optional.of(s.checkpoint());
            node.put("result", "synced").put("newEntries", s.newEntries());
            line = String.format("Synced %,d new entries.", s.newEntries());
        } else if (result instanceof SyncResult.UpToDate u) {
            code = ExitCode.OK;
            cp = Optional.of(u.checkpoint());
            node.put("result", "up-to-date");
            line = "Already up to date.";
        } else if (result instanceof SyncResult.Offline o) {
            cp = o.local();
            code = cp.isPresent() ? ExitCode.OFFLINE : ExitCode.UNAVAILABLE;
            node.put("result", "offline").put("reason", o.reason());
            line = "Offline: " + o.reason() + (cp.isPresent()
                    ? ". The local copy is still valid and in use."
                    : ". There is no local copy yet: this station cannot verify packs until a sync succeeds.");
        } else {
            SyncResult.SecurityFailure f = (SyncResult.SecurityFailure) result;
            cp = f.local();
            code = ExitCode.SECURITY;
            node.put("result", "security-failure").put("reason", f.reason());
            f.evidence().ifPresent(e -> node.put("evidence", e.kind().name()));
            line = "SECURITY FAILURE: " + f.reason() + ". Nothing was accepted from the log; verification is blocked"
                    + " until the pharmacist in charge has investigated" + (f.evidence().isPresent()
                    ? " (both checkpoints are kept as evidence in " + cfg.ledger().mirror() + ")." : ".");
        }
        cp.ifPresent(c -> {
            Duration age = Duration.between(c.asOf(), clock.instant());
            node.putObject("checkpoint").put("origin", c.origin()).put("size", c.size())
                    .put("rootHash", c.root().base64()).put("asOf", c.asOf().toString())
                    .put("ageSeconds", Math.max(0, age.toSeconds()));
        });
        if (json) {
            out.println(node);
        } else {
            (code == ExitCode.OK ? out : err).println(line);
            cp.ifPresent(c -> out.println(String.format("Verified ledger: %s, %,d entries, root %s, as of %s (%s old).",
                    c.origin(), c.size(), c.root().base64(), c.asOf(), Ages.describe(Duration.between(c.asOf(), clock.instant())))));
        }
        return code;
    }

    /** Rewrites one progress line on stderr, at most a few times a second. */
    private static final class ProgressLine implements Consumer<SyncProgress> {
        private final PrintWriter err;
        private long lastNanos;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void accept(SyncProgress p) {
            long now = System.nanoTime();
            boolean last = p.entriesDone() == p.entriesTotal();
            if (!last && now - lastNanos < 250_000_000L) {
                return;
            }
            lastNanos = now;
            err.print("\rsync: " + p.describe() + "   ");
            if (last) {
                err.println();
            }
            err.flush();
        }
    }
}
