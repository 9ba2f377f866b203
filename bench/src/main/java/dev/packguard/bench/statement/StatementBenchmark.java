package dev.packguard.bench.statement;

import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.pki.ConsortiumCa;
import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.pki.PartyDirectory;
import dev.packguard.ledger.pki.PartyProfile;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.Role;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.UnitCommitment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of taking one untrusted entry to a trusted statement: strict decode (size, JSON,
 * RFC 8785 canonical check, field domains) plus authorization (directory lookup, certificate
 * validity at eventTime, signature). A one-unit dispense, signed with Ed25519 or ES256.
 * Run: {@code java -jar bench/target/benchmarks.jar StatementBenchmark} (docs/PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatementBenchmark {
    @Param({"Ed25519", "ES256"})
    public String alg;

    private byte[] entry;
    private PartyDirectory directory;

    @Setup
    public void setUp() {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant until = Instant.parse("2030-01-01T00:00:00Z");
        byte[] seed = "packguard/bench/pharmacy--------".getBytes(StandardCharsets.US_ASCII);
        SigningKey key = alg.equals("ES256") ? SigningKey.p256FromSeed(seed) : SigningKey.ed25519FromSeed(seed);
        ConsortiumCa ca = ConsortiumCa.create("Bench Root", SigningKey.ed25519FromSeed(new byte[32]), from, until);
        Gln pharmacy = new Gln("4056789000010");
        Gln site = new Gln("4056789000027");
        PartyProfile profile = new PartyProfile(pharmacy, "Bench Pharmacy", Role.DISPENSER, List.of(), List.of(pharmacy, site));
        PartyCertificate cert = ca.issue(profile, key.verifyingKey(), from, until);
        directory = new PartyDirectory(ca.root());
        directory.admit(0, key.sign(new PartyRegistration(pharmacy, Instant.parse("2026-01-01T00:00:00.000Z"), Role.DISPENSER,
                List.of(), List.of(pharmacy, site), cert.encoded())));
        entry = key.sign(new Dispensing(pharmacy, Instant.parse("2026-11-24T09:15:30.250Z"), site,
                List.of(UnitCommitment.of(new Gtin("04012345000108"), "X7K2P9Q4WZ")))).encode();
    }

    /** Strict decode only. */
    @Benchmark
    public EntryDecoding decode() {
        return EntryDecoder.decode(entry);
    }

    /** Decode, then authorize (certificate, revocation, signature). */
    @Benchmark
    public Authorization decodeAndVerify() {
        EntryDecoding d = EntryDecoder.decode(entry);
        if (!(d instanceof EntryDecoding.Decoded decoded)) {
            throw new IllegalStateException("benchmark entry must decode: " + d);
        }
        Authorization a = directory.authorize(Long.MAX_VALUE / 2, decoded.entry()); // logged after the registrations
        if (!(a instanceof Authorization.Authorized)) {
            throw new IllegalStateException("benchmark entry must verify: " + a);
        }
        return a;
    }
}
