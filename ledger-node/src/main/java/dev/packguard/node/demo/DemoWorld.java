package dev.packguard.node.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The demo world: a consortium, a supply chain of N units written as a signed, witnessed
 * tlog-tiles log, and everything a station needs to work against it. Layout of the directory:
 *
 * <pre>
 * log/            the log (checkpoint, tile/…, tile/entries/…); serve it with {@code packguard ledger serve --dir log}
 * policy.txt      tlog-policy: the log key and the two witnesses that must cosign
 * station.json    the station configuration for the demo pharmacy (docs/CONFIGURATION.md)
 * pharmacists.json the demo pharmacist who may authorise undo and overrides (PIN in docs/DEMO.md)
 * operators.json  who may sign in: the demo operator and two more (docs/DEMO.md)
 * ca/             the consortium root certificate (the stations' trust anchor) and its key
 * keys/           log and witness note keys; every party's PKCS#8 key and certificate
 * orders/         orders for the packing station (docs/ORDERS.md), each with a Code 128 label
 * packs/          printable GS1 DataMatrix labels and contact-sheet.png
 * scenarios.json  sample scans and the verdict and reason each must produce
 * </pre>
 *
 * Everything is derived from the seed and the world's day (UTC date of the clock): keys, serials,
 * lots, times, entries, tiles and images are byte-identical for the same seed and day. Event times
 * and expiry dates are relative to that day, so "expired" and "expires in 20 days" stay true. The
 * one thing that is not derived is the witnesses' cosignature timestamps on the checkpoint: they
 * are the clock's time, because a station measures its ledger's age from them.
 */
public final class DemoWorld {
    /** The log directory inside a world. */
    public static final String LOG = "log";
    /** The policy file inside a world. */
    public static final String POLICY = "policy.txt";
    /** The station configuration inside a world. */
    public static final String STATION = "station.json";
    /** The scenarios file inside a world. */
    public static final String SCENARIOS = "scenarios.json";
    /** The consortium root certificate (PEM) inside a world: the stations' trust anchor. */
    public static final String TRUST_ANCHOR = "ca/root.cert.pem";
    /** The log's origin, which is also its key name. */
    public static final String ORIGIN = "demo.packguard.dev/ledger";
    /** Fewest units: the hand-made scenarios need about 130. */
    public static final long MIN_UNITS = 200;
    /** Most units: bounded by the time to generate (about 5 minutes per million on two cores). */
    public static final long MAX_UNITS = 10_000_000;
    /** The default number of units. */
    public static final long DEFAULT_UNITS = 2_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1;
    /** The witnesses' names: their keys are keys/<name>.key, their policy names the same. */
    static final String[] WITNESSES = {"witness-1", "witness-2"};

    private DemoWorld() {
    }

    /**
     * What to generate.
     *
     * @param units units commissioned in total, {@link #MIN_UNITS}..{@link #MAX_UNITS}
     * @param seed everything random is derived from it
     * @param clock its UTC date is the world's day; its time stamps the cosignatures
     * @param port the port written into {@code station.json}'s ledger URL
     */
    public record Spec(long units, long seed, Clock clock, int port) {
        public Spec {
            Objects.requireNonNull(clock, "clock");
            if (units < MIN_UNITS || units > MAX_UNITS) {
                throw new IllegalArgumentException("units must be " + MIN_UNITS + ".." + MAX_UNITS + ": " + units);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535: " + port);
            }
        }
    }

    /**
     * What was generated.
     *
     * @param dir the world
     * @param entries log entries
     * @param entryBytes their total size
     * @param root the log's root hash
     * @param scenarios sample scans in scenarios.json
     * @param orders order files
     * @param took wall-clock time
     */
    public record Summary(Path dir, long units, long entries, long entryBytes, Hash root, int scenarios, int orders,
            Duration took) {
    }

    /**
     * Generates a world into {@code out}, which must not exist or be an empty directory. The world
     * is built next to it ({@code <out>.partial}) and renamed into place when complete, so an
     * interrupted run never leaves a half world at {@code out}.
     *
     * @throws FileAlreadyExistsException when {@code out} exists and is not an empty directory
     * @throws IOException when a file cannot be written
     */
    public static Summary generate(Path out, Spec spec) throws IOException {
        long started = System.nanoTime();
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not an empty directory");
        }
        Path work = target.resolveSibling(target.getFileName() + ".partial");
        deleteTree(work);
        Files.createDirectories(work);
        try {
            return write(work, target, spec, started);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(work);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static Summary write(Path work, Path target, Spec spec, long started) throws IOException {
        LocalDate today = LocalDate.ofInstant(spec.clock().instant(), ZoneOffset.UTC);
        Instant dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        DemoConsortium consortium = new DemoConsortium(spec.seed(), dayStart.minus(Duration.ofDays(900)),
                dayStart.plus(Duration.ofDays(1800)), dayStart.minus(Duration.ofDays(800)));
        LogBuilder log = new LogBuilder(new LogDirectory(work.resolve(LOG)));
        for (SignedStatement registration : consortium.registrations()) {
            log.add(registration);
        }
        Chain chain = new Chain(log, today);
        ScenarioFixtures fixtures = new ScenarioFixtures(chain, consortium,
                new SplittableRandom(DemoIds.streamSeed(spec.seed(), "scenarios")));
        fixtures.write();
        new BulkStock(chain, consortium, new SplittableRandom(DemoIds.streamSeed(spec.seed(), "bulk")))
                .write(spec.units() - fixtures.units());
        Hash root = log.finish();
        long size = log.size();

        SignerKey logKey = SignerKey.fromSeed(new KeyName(ORIGIN), SignatureType.ED25519, DemoIds.keySeed(spec.seed(), "log"));
        List<SignerKey> witnesses = new ArrayList<>();
        for (String w : WITNESSES) {
            witnesses.add(SignerKey.fromSeed(new KeyName(w + ".demo.packguard.dev"), SignatureType.COSIGNATURE_V1,
                    DemoIds.keySeed(spec.seed(), w)));
        }
        String text = Checkpoint.of(ORIGIN, size, root.bytes()).text();
        new LogDirectory(work.resolve(LOG)).writeCheckpoint(sign(text, logKey, witnesses, spec.clock()));
        writeKeys(work, consortium, logKey, witnesses);
        WorldFiles.writeString(work.resolve(POLICY), policy(logKey, witnesses));
        DemoParty pharmacy = consortium.party(DemoConsortium.PHARMACY);
        WorldFiles.writeJson(work.resolve(STATION), WorldFiles.stationConfig(pharmacy, url(spec.port())));
        WorldFiles.writeJson(work.resolve(DemoPharmacist.FILE), DemoPharmacist.json(spec.seed()));
        WorldFiles.writeJson(work.resolve(DemoOperators.FILE), DemoOperators.json());
        for (DemoOrder order : fixtures.orders()) {
            WorldFiles.writeJson(work.resolve("orders").resolve(order.id() + ".json"), WorldFiles.order(order));
            PackImages.writeOrderLabel(work.resolve("orders").resolve(order.id() + ".png"), order.id());
        }
        List<Scenario> scenarios = fixtures.scenarios();
        WorldFiles.writeJson(work.resolve(SCENARIOS), WorldFiles.scenarios(spec, today.toString(), pharmacy, scenarios));
        PackImages.write(work.resolve("packs"), scenarios.stream()
                .map(s -> new PackImages.Label(s.id(), s.verdict() + (s.reasons().isEmpty() ? "" : " " + s.reasons().get(0))
                        + (s.mode().equals("return") ? " (return)" : ""), s.pack()))
                .toList());

        if (Files.exists(target)) {
            Files.delete(target);
        }
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(target, spec.units(), size, log.entryBytes(), root, scenarios.size(), fixtures.orders().size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The ledger URL of a log served on 127.0.0.1 at {@code port}. */
    public static String url(int port) {
        return "http://127.0.0.1:" + port + "/";
    }

    /**
     * Rewrites the world's checkpoint with fresh witness cosignatures (the log's own signature is
     * deterministic and does not change), so a world generated days ago is not stale to a station.
     * Uses the witness keys in {@code keys/}.
     */
    public static void recosign(Path world, Clock clock) throws IOException {
        LogDirectory log = new LogDirectory(world.resolve(LOG));
        byte[] current = log.readCheckpoint().orElseThrow(() -> new IOException(world.resolve(LOG) + " has no checkpoint"));
        Parsed<SignedNote> note = SignedNote.parse(current);
        if (!(note instanceof Parsed.Ok<SignedNote> ok)) {
            throw new IOException("the world's checkpoint is not a signed note: " + note);
        }
        SignerKey logKey = readKey(world.resolve("keys/log.key"));
        List<SignerKey> witnesses = new ArrayList<>();
        for (String w : WITNESSES) {
            witnesses.add(readKey(world.resolve("keys/" + w + ".key")));
        }
        log.writeCheckpoint(sign(ok.value().text(), logKey, witnesses, clock));
    }

    /** Points the world's station configuration at a log served on 127.0.0.1 at {@code port}. */
    public static void setPort(Path world, int port) throws IOException {
        Path file = world.resolve(STATION);
        ObjectNode config = (ObjectNode) WorldFiles.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        ((ObjectNode) config.get("ledger")).put("url", url(port));
        Path tmp = file.resolveSibling(STATION + ".tmp");
        WorldFiles.writeJson(tmp, config);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static SignerKey readKey(Path file) throws IOException {
        Parsed<SignerKey> key = SignerKey.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        if (!(key instanceof Parsed.Ok<SignerKey> ok)) {
            throw new IOException(file + ": not a signer key");
        }
        return ok.value();
    }

    private static byte[] sign(String text, SignerKey logKey, List<SignerKey> witnesses, Clock clock) {
        List<NoteSigner> signers = new ArrayList<>();
        signers.add(logKey.noteSigner());
        witnesses.forEach(w -> signers.add(CosignatureV1.signer(w, clock)));
        return Notes.sign(text, signers).encodedBytes();
    }

    private static String policy(SignerKey logKey, List<SignerKey> witnesses) {
        StringBuilder b = new StringBuilder();
        b.append("# PackGuard demo world: the log, and the two witnesses that must both cosign its checkpoints.\n");
        b.append("log ").append(logKey.verifierKey().encoded()).append('\n');
        for (int i = 0; i < witnesses.size(); i++) {
            b.append("witness ").append(WITNESSES[i]).append(' ').append(witnesses.get(i).verifierKey().encoded()).append('\n');
        }
        b.append("group demo-witnesses all ").append(String.join(" ", WITNESSES)).append('\n');
        b.append("quorum demo-witnesses\n");
        return b.toString();
    }

    private static void writeKeys(Path dir, DemoConsortium c, SignerKey logKey, List<SignerKey> witnesses) throws IOException {
        Path keys = dir.resolve("keys");
        WorldFiles.writeNoteKey(keys, "log", logKey);
        for (int i = 0; i < witnesses.size(); i++) {
            WorldFiles.writeNoteKey(keys, WITNESSES[i], witnesses.get(i));
        }
        WorldFiles.writeString(dir.resolve(TRUST_ANCHOR), WorldFiles.pem("CERTIFICATE", c.ca().root().encoded()));
        WorldFiles.writeString(dir.resolve("ca/root.key.pem"), WorldFiles.privateKeyPem(c.ca().key()));
        List<DemoParty> all = new ArrayList<>(c.parties());
        all.add(c.alpenTerminal());
        for (DemoParty p : all) {
            WorldFiles.writeString(keys.resolve(p.id() + ".key.pem"), WorldFiles.privateKeyPem(p.key()));
            WorldFiles.writeString(keys.resolve(p.id() + ".cert.pem"), WorldFiles.pem("CERTIFICATE", p.certificate().encoded()));
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
