package dev.packguard.bench.rules;

import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.rules.CustodyChain;
import dev.packguard.ledger.rules.CustodyStep;
import dev.packguard.ledger.rules.LoggedEvent;
import dev.packguard.ledger.rules.Parties;
import dev.packguard.ledger.rules.UnitHistory;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.UnitCommitment;
import java.util.List;
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
 * What the chain of custody adds to each verdict: {@link CustodyChain#of} over a {@link RulesWorld}
 * unit's history as {@code UnitVerifier} loads it (commissioning, two shipments, two receipts,
 * every one authorized), with a directory of the world's three parties. No I/O: the history is
 * already in memory when the verdict is made. Compare with {@code VerifyBenchmark.warmScan}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CustodyChainBenchmark {
    private UnitHistory history;

    @Setup
    public void history() {
        RulesWorld w = new RulesWorld(RulesWorld.BLOCK_UNITS);
        UnitScan scan = RulesWorld.scan(7);
        List<UnitCommitment> unit = List.of(scan.commitment());
        var m = w.manufacturer;
        var ws = w.wholesaler;
        var p = w.pharmacy;
        List<LoggedEvent> events = List.of(
                event(3, new Commissioning(m.profile().partyId(), RulesWorld.T0, m.site(), scan.gtin(), scan.lot(),
                        scan.expiry(), unit), m.certificate(), 0),
                event(24, new Shipping(m.profile().partyId(), RulesWorld.T0.plusSeconds(60), m.site(), ws.site(), unit),
                        m.certificate(), 0),
                event(45, new Receiving(ws.profile().partyId(), RulesWorld.T0.plusSeconds(120), m.site(), ws.site(), unit),
                        ws.certificate(), 1),
                event(66, new Shipping(ws.profile().partyId(), RulesWorld.T0.plusSeconds(180), ws.site(), p.site(), unit),
                        ws.certificate(), 1),
                event(83, new Receiving(p.profile().partyId(), RulesWorld.T0.plusSeconds(240), ws.site(), p.site(), unit),
                        p.certificate(), 2));
        history = new UnitHistory(scan, events, List.of(), true,
                new Parties(List.of(m.certificate(), ws.certificate(), p.certificate())), List.of());
    }

    private static LoggedEvent event(long index, dev.packguard.ledger.statement.Event e, PartyCertificate signer, long registration) {
        return new LoggedEvent(index, e, new Authorization.Authorized(signer, registration));
    }

    @Benchmark
    public List<CustodyStep> custodyOfOneUnit() {
        return CustodyChain.of(history);
    }
}
