package dev.packguard.app.station.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @TempDir
    Path dir;

    private static AuditEntry entry(AuditKind kind, String detail) {
        return new AuditEntry(kind, "badge-17", "04012345000016/S1", detail, Optional.empty());
    }

    @Test
    void withScan_writesTheScanWithTheStepsFirstRecord_andDropsItWhenTheStepRecordsNothing() throws Exception {
        try (AuditLog log = AuditLog.open(dir.resolve("audit.db"), Clock.systemUTC())) {
            AuditTrail trail = new AuditTrail(log);
            trail.withScan(entry(AuditKind.SCAN, "scanned"), () -> {
                assertThat(trail.write(List.of(entry(AuditKind.VERDICT, "PASS")))).isEmpty();
                return trail.write(List.of(entry(AuditKind.QUARANTINE, "later")));
            });
            trail.withScan(entry(AuditKind.SCAN, "failed step"), () -> null);
            assertThat(log.records()).extracting(r -> r.entry().detail()).containsExactly("scanned", "PASS", "later");
        }
    }

    @Test
    void write_thatTheLogRefuses_saysWorkStops_andLeavesNothingHalfWritten() throws Exception {
        try (AuditLog log = AuditLog.open(dir.resolve("audit.db"), Clock.systemUTC())) {
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db")); var st = c.createStatement()) {
                st.execute("CREATE TRIGGER refuse BEFORE INSERT ON audit WHEN NEW.kind = 'VERDICT' "
                        + "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
            }
            AuditTrail trail = new AuditTrail(log);
            Optional<String> failed = trail.withScan(entry(AuditKind.SCAN, "scanned"),
                    () -> trail.write(List.of(entry(AuditKind.VERDICT, "PASS"))));
            assertThat(failed).get().asString().contains("disk full", "Work has stopped");
            assertThat(log.records()).isEmpty();
        }
    }

    @Test
    void shown_makesGsVisible_andCutsLongScans() {
        assertThat(AuditTrail.shown("0104012345000016\u001d21S1")).isEqualTo("0104012345000016<GS>21S1");
        assertThat(AuditTrail.shown("9".repeat(300))).hasSize(201).endsWith("…");
    }
}
