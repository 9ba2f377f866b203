package dev.packguard.bench.pharmacist;

import dev.packguard.app.station.packing.PharmacistPins;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pharmacist PIN check at the station's default cost (PBKDF2-HMAC-SHA256, 600,000
 * iterations, RFC 8018 §5.2): what undo and the stale-ledger override wait for, and what a
 * guesser pays per PIN tried against a stolen pharmacists file. Run:
 * {@code java -jar bench/target/benchmarks.jar bench.pharmacist}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PinCheckBenchmark {
    private PharmacistPins pins;
    private final char[] pin = "4711".toCharArray();

    @Setup
    public void enrol() {
        pins = new PharmacistPins(List.of(PharmacistPins.enrol("pharm-1", "A. Apothecary", pin,
                PharmacistPins.DEFAULT_ITERATIONS)));
    }

    @Benchmark
    public Optional<PharmacistPins.Pharmacist> checkPin() {
        return pins.check("pharm-1", pin);
    }
}
