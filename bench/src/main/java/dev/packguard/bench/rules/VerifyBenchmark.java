package dev.packguard.bench.rules;

import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.rules.Mode;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.rules.UnitVerifier;
import dev.packguard.ledger.rules.Verdict;
import dev.packguard.ledger.statement.Gln;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsed scan → verdict on the {@link RulesWorld} mirror (1,000,000 units, 4,050,003 entries by
 * default): {@code warmScan} picks a random unit per call (so its entries are mostly not in the
 * verifier's caches: index lookups, bundle reads, decoding and the unit's ~5 signature checks),
 * in sample mode for the median and p99; {@code firstScan} is one scan in a fresh JVM right
 * after the mirror is opened and {@link UnitVerifier#prepare()} ran (what the station does at
 * start-up), single-shot, several forks; {@code startUp} is that opening and preparing.
 * Build the mirror first (docs/PERFORMANCE.md "Verification").
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {
    @Param("bench/target/rules-mirror.db")
    public String mirror;

    @Param("1000000")
    public int units;

    private MirrorStore store;
    private UnitVerifier verifier;
    private StationContext ctx;
    private final SplittableRandom random = new SplittableRandom(42);
    private UnitScan first;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path file = Path.of(mirror);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no benchmark mirror at " + file.toAbsolutePath()
                    + "; build it: java -cp bench/target/benchmarks.jar dev.packguard.bench.rules.RulesWorld " + mirror + " " + units);
        }
        store = MirrorStore.open(file, new StatementIndexer());
        RulesWorld world = new RulesWorld(units);
        verifier = new UnitVerifier(store, world.root());
        verifier.prepare();
        first = RulesWorld.scan(new SplittableRandom().nextInt(units)); // built here: String.format's first call is not verification
        ctx = new StationContext(world.pharmacy.profile().partyId(), store.verified().orElseThrow().asOf(), ZoneOffset.UTC,
                new StationContext.Policies(Duration.ofHours(4), Duration.ofHours(24), 28, 30, 10));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.SampleTime)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @Fork(1)
    public Verdict warmScan() throws Exception {
        return check(verifier.verify(RulesWorld.scan(random.nextInt(units)), Mode.PACK, ctx, Optional.empty()));
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Verdict firstScan() throws Exception {
        return check(verifier.verify(first, Mode.PACK, ctx, Optional.empty()));
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public void startUp() throws Exception {
        try (MirrorStore s = MirrorStore.open(Path.of(mirror), new StatementIndexer())) {
            new UnitVerifier(s, new RulesWorld(units).root()).prepare();
        }
    }

    private static Verdict check(Verdict v) {
        if (!(v instanceof Verdict.Pass)) {
            throw new IllegalStateException("every unit of the bench world passes, got " + v);
        }
        return v;
    }
}
