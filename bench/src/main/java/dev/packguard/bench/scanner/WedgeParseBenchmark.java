package dev.packguard.bench.scanner;

import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.scan.ScanDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse of one keyboard-wedge scan, from the characters the scanner typed to a ParseResult
 * (target: median at most 20 µs). Sample-time mode, so JMH reports the median (p0.50).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WedgeParseBenchmark {

    @Param({"gs", "escapedGs", "lostGsRepaired", "lostGsAmbiguous", "digitalLink", "ifaPpn", "layoutAndCase"})
    public String scan;

    private ScanDecoder decoder;
    private String text;

    @Setup
    public void setUp() {
        decoder = ScanDecoder.forWedge();
        text = switch (scan) {
            case "gs" -> "]d20104150037528643172612311012345A\u001d21XK4T9PQ2M7ZR";
            case "escapedGs" -> "]d20104150037528643172612311012345A\\x1d21XK4T9PQ2M7ZR";
            case "lostGsRepaired" -> "]d2010415003752864321XK4T9PQ2M7ZRXK4T9PQ210LOT1A";
            case "lostGsAmbiguous" -> "]d20104150037528643172612311012345A21XK4T9PQ2M7ZR";
            case "digitalLink" -> "https://id.gs1.org/01/04150037528643/10/12345A/21/XK4T9PQ2M7ZR?17=261231";
            case "ifaPpn" -> "[)>\u001e06\u001d9N110375286414\u001d1T12345A\u001dD261231\u001dSXK4T9PQ2M7ZR\u001e\u0004";
            case "layoutAndCase" -> "+D20104150037528643172612311012345a\u001d21xk4t9pq2m7yr";
            default -> throw new IllegalArgumentException(scan);
        };
        ParseResult r = decoder.decode(text);
        boolean expectSuccess = !scan.equals("lostGsAmbiguous");
        if ((r instanceof ParseResult.Success) != expectSuccess) {
            throw new IllegalStateException("benchmark input " + scan + " gave " + r);
        }
    }

    @Benchmark
    public ParseResult parse() {
        return decoder.decode(text);
    }
}
