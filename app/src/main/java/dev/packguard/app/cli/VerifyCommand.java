package dev.packguard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.StationSetup;
import dev.packguard.app.verification.ScanVerifier;
import dev.packguard.app.verification.TrustAnchor;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.Parse;
import dev.packguard.ledger.rules.CustodyStep;
import dev.packguard.ledger.rules.Mode;
import dev.packguard.ledger.rules.Reason;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.rules.UnitVerifier;
import dev.packguard.ledger.rules.Verdict;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code packguard verify --config FILE [--mode pack|return] [--json] SCAN...}: verifies each scan
 * against the station's local, verified mirror only (offline; it never syncs) and prints a
 * verdict per scan (DESIGN.md "CLI contract"). Exit 0 all PASS, 1 some FAIL, 2 CANNOT_VERIFY
 * (and none failed), 64 usage, 65 unreadable input (a scan that is not a complete pack code, or
 * a bad configuration), 74 the mirror cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify scanned units against the local ledger mirror and print a verdict per scan.",
        footer = {"", "SCAN: GS as the real 0x1D, or \\x1d / <GS>; bracketed (01)...(21)...; or a Digital Link URI.",
                "Exit: 0 all PASS, 1 some FAIL, 2 CANNOT_VERIFY, 64 usage, 65 unreadable input."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--mode", paramLabel = "pack|return", defaultValue = "pack",
            description = "pack (default): packing an order; return: a saleable return.")
    String mode;

    @Option(names = "--json", description = "Print one JSON object per scan.")
    boolean json;

    @Parameters(paramLabel = "SCAN", arity = "1..*", description = "What the scanner sent, one argument per pack.")
    List<String> scans = new ArrayList<>();

    /** Overridden in tests; the station's clock otherwise. */
    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Mode m;
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "pack" -> m = Mode.PACK;
            case "return" -> m = Mode.RETURN;
            default -> {
                err.println("packguard verify: --mode must be pack or return, not " + mode);
                return ExitCode.USAGE;
            }
        }
        Optional<StationSetup.Ready> loaded = SyncCommand.load(config, err);
        if (loaded.isEmpty()) {
            return ExitCode.DATA;
        }
        StationConfig cfg = loaded.get().config();
        if (cfg.ledger().trustAnchor().isEmpty()) {
            err.println("packguard verify: " + config + " does not set ledger.trustAnchor, the consortium root certificate;"
                    + " without it no party's statements can be trusted.");
            return ExitCode.DATA;
        }
        Parse<ConsortiumRoot> root = TrustAnchor.load(cfg.ledger().trustAnchor().get());
        if (root instanceof Parse.Unusable<ConsortiumRoot> u) {
            err.println("packguard verify: " + u.reason());
            return ExitCode.DATA;
        }
        try (MirrorStore store = StatementIndexer.openIndexed(cfg.ledger().mirror())) {
            ScanVerifier verifier = new ScanVerifier(new ScanDecoder(WedgeConfig.defaults(), clock),
                    new UnitVerifier(store, root.orElseThrow()));
            StationContext.Policies policies = new StationContext.Policies(cfg.ledger().warnAfter(), cfg.ledger().blockAfter(),
                    cfg.rules().minShelfLifeDays(), cfg.rules().returnWindowDays(), cfg.rules().undoWindowDays());
            Gln pharmacy = new Gln(cfg.station().pharmacyGln());
            boolean unreadable = false, failed = false, undecided = false;
            for (String scan : scans) {
                ScanVerifier.Checked c = verifier.check(scan, m,
                        () -> new StationContext(pharmacy, clock.instant(), clock.getZone(), policies), Optional.empty());
                unreadable |= c.unreadable();
                failed |= c.verdict() instanceof Verdict.Fail;
                undecided |= c.verdict() instanceof Verdict.CannotVerify;
                if (json) {
                    out.println(json(c));
                } else {
                    text(c, out);
                }
            }
            out.flush();
            return unreadable ? ExitCode.DATA : failed ? ExitCode.FAIL : undecided ? ExitCode.CANNOT_VERIFY : ExitCode.OK;
        } catch (MirrorStoreException e) {
            err.println("packguard verify: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
    }

    /** The JSON object of DESIGN.md's CLI contract for one scan. */
    static ObjectNode json(ScanVerifier.Checked c) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        Verdict v = c.verdict();
        o.put("scan", c.input());
        o.put("verdict", v.name());
        o.set("reasons", reasons(mapper, v.reasons()));
        o.set("warnings", reasons(mapper, v.warnings()));
        if (c.unit().isPresent()) {
            var u = c.unit().get();
            o.putObject("unit").put("gtin", u.gtin().digits()).put("serial", u.serial()).put("lot", u.lot().value())
                    .put("expiry", u.expiry().toString());
        } else {
            o.putNull("unit");
        }
        v.evidence().checkpoint().ifPresentOrElse(
                cp -> o.putObject("checkpoint").put("origin", cp.origin()).put("size", cp.size()).put("rootHash", cp.rootHash().base64()),
                () -> o.putNull("checkpoint"));
        ArrayNode evidence = o.putArray("evidence");
        v.evidence().entries().forEach(evidence::add);
        o.set("custody", custody(mapper, v.custody()));
        o.put("explanation", v.explanation());
        return o;
    }

    /**
     * The chain of custody, oldest first: per step its log index, event time, action, summary, the
     * acting party (GLN, name and role when registered), location and counterpart, and whether
     * the entry is trusted (and if not, why).
     */
    private static ArrayNode custody(ObjectMapper mapper, List<CustodyStep> steps) {
        ArrayNode a = mapper.createArrayNode();
        for (CustodyStep s : steps) {
            ObjectNode n = a.addObject().put("index", s.index()).put("time", s.time().toString())
                    .put("action", s.action().name().toLowerCase(Locale.ROOT)).put("summary", s.summary());
            n.set("party", actor(mapper, s.actor()));
            s.location().ifPresent(l -> n.set("location", actor(mapper, l)));
            s.counterpart().ifPresent(c -> n.set("counterpart", actor(mapper, c)));
            if (!s.detail().isEmpty()) {
                n.put("detail", s.detail());
            }
            n.put("trusted", s.trusted());
            if (s.trust() instanceof CustodyStep.Trust.NotVerified nv) {
                n.putObject("untrusted").put("failure", nv.failure().name()).put("detail", nv.detail());
            }
        }
        return a;
    }

    private static ObjectNode actor(ObjectMapper mapper, CustodyStep.Actor actor) {
        ObjectNode n = mapper.createObjectNode().put("gln", actor.gln().digits());
        actor.name().ifPresent(x -> n.put("name", x));
        actor.role().ifPresent(r -> n.put("role", r.wireName()));
        return n;
    }

    private static ArrayNode reasons(ObjectMapper mapper, List<Reason> reasons) {
        ArrayNode a = mapper.createArrayNode();
        for (Reason r : reasons) {
            ObjectNode n = a.addObject().put("code", r.code().name()).put("message", r.message());
            r.code().nmvs().ifPresent(x -> n.put("nmvs", x));
            r.code().vrs().ifPresent(x -> n.put("vrs", x));
        }
        return a;
    }

    private static void text(ScanVerifier.Checked c, PrintWriter out) {
        Verdict v = c.verdict();
        String unit = c.unit().map(u -> "GTIN " + u.gtin() + "  serial " + u.serial() + "  lot " + u.lot() + "  expiry " + u.expiry())
                .orElse(c.input().replace("\u001d", "<GS>"));
        out.println(v.name() + "  " + unit);
        for (Reason r : v.reasons()) {
            out.println("  " + r.code() + r.code().nmvs().map(x -> " [" + x + "]").orElse("") + ": " + r.detail());
        }
        for (Reason r : v.warnings()) {
            out.println("  warning " + r.code() + ": " + r.detail());
        }
        for (CustodyStep s : v.custody()) {
            out.println("  custody #" + s.index() + " " + s.time() + " " + s.actor().label()
                    + s.actor().role().map(r -> " (" + r.wireName() + ")").orElse("") + ": " + s.summary()
                    + (s.trusted() ? "  [verified]" : "  [NOT VERIFIED: " + ((CustodyStep.Trust.NotVerified) s.trust()).failure() + "]"));
        }
        out.println("  " + v.explanation());
        v.evidence().checkpoint().ifPresent(cp -> out.println("  evidence: " + cp.origin() + " size " + cp.size()
                + " root " + cp.rootHash().base64() + ", entries " + v.evidence().entries()));
    }
}
