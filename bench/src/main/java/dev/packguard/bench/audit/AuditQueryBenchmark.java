package dev.packguard.bench.audit;

import dev.packguard.app.station.audit.AuditChain;
import dev.packguard.app.station.audit.AuditCheck;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditFilter;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.audit.AuditRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit log screen's queries (F7) on a log of {@code records} records: the newest page, a
 * page filtered by a rare kind (the whole table is scanned), a text search, a day range, the
 * count, and the chain walk the screen does each time it is shown. The log is written directly
 * in one transaction with a valid chain (appending 100,000 synced records one by one would take
 * minutes). Run: {@code java -jar bench/target/benchmarks.jar bench.audit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AuditQueryBenchmark {
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    @Param("100000")
    int records;

    private Path dir;
    private AuditLog log;
    private AuditFilter rareKind;
    private AuditFilter text;
    private AuditFilter oneDay;

    @Setup(Level.Trial)
    public void write() throws Exception {
        dir = Files.createTempDirectory("audit-bench");
        Path file = dir.resolve("audit.db");
        AuditLog.open(file, Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            String prev = AuditChain.GENESIS_HEX;
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit (seq, time, kind, operator, subject, "
                    + "detail, prev, hash) VALUES (?,?,?,?,?,?,?,?)")) {
                for (long seq = 1; seq <= records; seq++) {
                    // About 300 records a day; one in 1,000 an override.
                    Instant time = START.plus(Duration.ofMinutes(5 * seq));
                    AuditKind kind = seq % 1000 == 0 ? AuditKind.OVERRIDE : seq % 2 == 0 ? AuditKind.VERDICT : AuditKind.SCAN;
                    AuditEntry e = new AuditEntry(kind, "badge-" + (seq % 7), "04012345000016/S" + seq,
                            kind == AuditKind.VERDICT ? "PASS" : "scanned for order ORD-" + (seq / 6), Optional.empty());
                    String hash = AuditChain.link(prev, AuditChain.canonical(seq, time, e));
                    ins.setLong(1, seq);
                    ins.setString(2, time.toString());
                    ins.setString(3, kind.name());
                    ins.setString(4, e.operator());
                    ins.setString(5, e.subject());
                    ins.setString(6, e.detail());
                    ins.setString(7, prev);
                    ins.setString(8, hash);
                    ins.addBatch();
                    prev = hash;
                }
                ins.executeBatch();
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE audit_head SET count = ?, hash = ? WHERE id = 1")) {
                up.setLong(1, records);
                up.setString(2, prev);
                up.executeUpdate();
            }
            c.commit();
        }
        log = AuditLog.open(file, Clock.systemUTC());
        if (!(log.check() instanceof AuditCheck.Intact)) {
            throw new IllegalStateException("the benchmark log's chain does not verify");
        }
        rareKind = new AuditFilter(Optional.of(AuditKind.OVERRIDE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        text = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of("ORD-4242"), Optional.empty(), Optional.empty());
        LocalDate day = LocalDate.of(2026, 2, 1);
        oneDay = new AuditFilter(Optional.empty(), Optional.of("badge-3"), Optional.empty(), Optional.of(day), Optional.of(day));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        log.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public List<AuditRecord> newestPage() throws Exception {
        return log.page(AuditFilter.all(), Long.MAX_VALUE, 201);
    }

    @Benchmark
    public List<AuditRecord> rareKindPage() throws Exception {
        return log.page(rareKind, Long.MAX_VALUE, 201);
    }

    @Benchmark
    public List<AuditRecord> textPage() throws Exception {
        return log.page(text, Long.MAX_VALUE, 201);
    }

    @Benchmark
    public List<AuditRecord> operatorDayPage() throws Exception {
        return log.page(oneDay, Long.MAX_VALUE, 201);
    }

    @Benchmark
    public long countAll() throws Exception {
        return log.count(AuditFilter.all());
    }

    @Benchmark
    public AuditCheck chainCheck() throws Exception {
        return log.check();
    }
}
