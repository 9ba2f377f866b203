package dev.packguard.bench.tlog;

import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.tlog.tiles.Tiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What bounds the mirror's sync speed on one core: RFC 6962 leaf hashing plus appending to a
 * {@link CompactRange}, per entry. Entries are 512 random bytes (the size of a signed
 * supply-chain statement), 256 per invocation, one full entry bundle. Results are entries per
 * second; target at least 50,000/s (docs/PERFORMANCE.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AppendBenchmark {

    private static final int ENTRY_BYTES = 512;

    private final List<byte[]> entries = new ArrayList<>();
    private byte[] bundle;
    private CompactRange range;

    /** Prepares one bundle's worth of entries; not measured. */
    @Setup(Level.Trial)
    public void prepare() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < Tiles.WIDTH; i++) {
            byte[] entry = new byte[ENTRY_BYTES];
            random.nextBytes(entry);
            entries.add(entry);
        }
        bundle = EntryBundle.encode(entries);
        range = CompactRange.empty();
    }

    /** Leaf-hashes 256 entries and appends them one by one. */
    @Benchmark
    @OperationsPerInvocation(Tiles.WIDTH)
    public CompactRange hashAndAppend() {
        CompactRange r = range;
        for (byte[] entry : entries) {
            r = r.append(TreeHash.leafHash(entry));
        }
        range = r;
        return r;
    }

    /** The mirror's path for a downloaded bundle: parse, hash each entry in place, append all. */
    @Benchmark
    @OperationsPerInvocation(Tiles.WIDTH)
    public CompactRange parseBundleHashAndAppend() {
        EntryBundle parsed = EntryBundle.parse(new Tile(0, 0, Tiles.WIDTH), bundle).ok().orElseThrow();
        List<Hash> hashes = parsed.leafHashes();
        range = range.appendAll(hashes);
        return range;
    }
}
