package dev.packguard.app.station.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packguard.app.station.CheckpointRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00.123Z"), ZoneOffset.UTC);
    private static final CheckpointRef CP = new CheckpointRef("demo.packguard.dev/log", 1200, "ab".repeat(32));

    @TempDir
    Path dir;

    private Path fiveRecords() throws AuditException {
        Path file = dir.resolve("audit.db");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append(new AuditEntry(AuditKind.OPERATOR, "badge-17", "badge-17", "signed in", Optional.empty()));
            log.append(new AuditEntry(AuditKind.ORDER_OPENED, "badge-17", "ORD-1001", "2 lines", Optional.empty()));
            log.append(new AuditEntry(AuditKind.SCAN, "badge-17", "(01)04012345000016(21)S1", "scanned", Optional.empty()));
            log.append(new AuditEntry(AuditKind.VERDICT, "badge-17", "04012345000016/S1", "PASS", Optional.of(CP)));
            log.append(new AuditEntry(AuditKind.DISPENSE, "badge-17", "ORD-1001", "sealed", Optional.of(CP)));
        }
        return file;
    }

    private void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    private AuditCheck reopenAndCheck(Path file) throws AuditException {
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            return log.check();
        }
    }

    @Test
    void append_chainsRecordsAndSurvivesReopen() throws Exception {
        Path file = fiveRecords();
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            assertThat(log.records()).hasSize(5);
            AuditRecord first = log.records().get(0);
            assertThat(first.prevHex()).isEqualTo(AuditChain.GENESIS_HEX);
            assertThat(log.records().get(1).prevHex()).isEqualTo(first.hashHex());
            assertThat(first.time()).isEqualTo(Instant.parse("2026-11-24T08:00:00.123Z"));
            assertThat(log.records().get(3).entry().checkpoint()).contains(CP);
            AuditCheck check = log.check();
            assertThat(check).isEqualTo(new AuditCheck.Intact(5, log.records().get(4).hashHex()));
            log.append(new AuditEntry(AuditKind.UNDO, "pharm-1", "ORD-1001", "undo", Optional.empty()));
            assertThat(log.check()).isInstanceOf(AuditCheck.Intact.class);
        }
    }

    @Test
    void emptyLog_isIntact() throws Exception {
        try (AuditLog log = AuditLog.open(dir.resolve("empty.db"), CLOCK)) {
            assertThat(log.check()).isEqualTo(new AuditCheck.Intact(0, AuditChain.GENESIS_HEX));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            edited detail         | UPDATE audit SET detail = 'FAIL' WHERE seq = 4                                  | 4 | edited
            edited operator       | UPDATE audit SET operator = 'badge-99' WHERE seq = 2                             | 2 | edited
            edited checkpoint     | UPDATE audit SET cp_size = 1199 WHERE seq = 5                                    | 5 | edited
            edited time           | UPDATE audit SET time = '2026-11-23T08:00:00.123Z' WHERE seq = 1                 | 1 | edited
            unknown kind          | UPDATE audit SET kind = 'NOTHING' WHERE seq = 3                                   | 3 | edited
            deleted middle row    | DELETE FROM audit WHERE seq = 3                                                  | 3 | missing
            deleted last row      | DELETE FROM audit WHERE seq = 5                                                  | 5 | removed from the end
            deleted first row     | DELETE FROM audit WHERE seq = 1                                                  | 1 | missing
            reordered rows        | UPDATE audit SET seq = -seq WHERE seq IN (2, 3); UPDATE audit SET seq = 5 + seq WHERE seq IN (-2, -3) | 2 | does not follow
            """)
    void check_namesTheRecordAlteredByDirectSql(String name, String statements, long seq, String problem) throws Exception {
        Path file = fiveRecords();
        sql(file, statements.split(";"));
        AuditCheck check = reopenAndCheck(file);
        assertThat(check).isInstanceOf(AuditCheck.Tampered.class);
        AuditCheck.Tampered t = (AuditCheck.Tampered) check;
        assertThat(t.seq()).isEqualTo(seq);
        assertThat(t.problem()).contains(problem);
        assertThat(t.describe()).startsWith("The audit log has been altered at record " + seq);
    }

    @Test
    void check_detectsARecordRehashedWithoutTheNextOne() throws Exception {
        Path file = fiveRecords();
        String prev;
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            prev = log.records().get(1).hashHex();
        }
        AuditEntry forged = new AuditEntry(AuditKind.SCAN, "badge-17", "(01)04012345000016(21)S2", "scanned",
                Optional.empty());
        String hash = AuditChain.link(prev, AuditChain.canonical(3, Instant.parse("2026-11-24T08:00:00.123Z"), forged));
        sql(file, "UPDATE audit SET subject = '(01)04012345000016(21)S2', hash = '" + hash + "' WHERE seq = 3");
        AuditCheck.Tampered t = (AuditCheck.Tampered) reopenAndCheck(file);
        assertThat(t.seq()).isEqualTo(4);
        assertThat(t.problem()).contains("does not follow");
    }

    @Test
    void append_whenTheDatabaseRefusesTheWrite_throwsAndKeepsTheChain() throws Exception {
        Path file = fiveRecords();
        sql(file, "CREATE TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            assertThatThrownBy(() -> log.append(new AuditEntry(AuditKind.SCAN, "badge-17", "x", "y", Optional.empty())))
                    .isInstanceOf(AuditException.class).hasMessageContaining("Cannot write to the audit log")
                    .hasMessageContaining("disk full");
            assertThat(log.check()).isInstanceOf(AuditCheck.Intact.class);
            assertThat(log.records()).hasSize(5);
        }
    }

    @Test
    void appendAll_chainsTheRecordsInOrder_asOneWriteWithOneTime() throws Exception {
        Path file = fiveRecords();
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            var written = log.appendAll(java.util.List.of(
                    new AuditEntry(AuditKind.SCAN, "badge-17", "(01)04012345000016(21)S2", "scanned", Optional.empty()),
                    new AuditEntry(AuditKind.VERDICT, "badge-17", "04012345000016/S2", "PASS", Optional.of(CP))));
            assertThat(written).extracting(AuditRecord::seq).containsExactly(6L, 7L);
            assertThat(written.get(0).prevHex()).isEqualTo(log.records().get(4).hashHex());
            assertThat(written.get(1).prevHex()).isEqualTo(written.get(0).hashHex());
            assertThat(log.records()).hasSize(7).last().isEqualTo(written.get(1));
            assertThat(log.check()).isInstanceOf(AuditCheck.Intact.class);
        }
        assertThat(reopenAndCheck(file)).isInstanceOf(AuditCheck.Intact.class);
    }

    @Test
    void appendAll_whenTheSecondRecordIsRefused_recordsNeither() throws Exception {
        Path file = fiveRecords();
        sql(file, "CREATE TRIGGER refuse BEFORE INSERT ON audit WHEN NEW.kind = 'VERDICT' BEGIN SELECT RAISE(ABORT, "
                + "'disk full'); END");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            assertThatThrownBy(() -> log.appendAll(java.util.List.of(
                    new AuditEntry(AuditKind.SCAN, "badge-17", "x", "scanned", Optional.empty()),
                    new AuditEntry(AuditKind.VERDICT, "badge-17", "x", "PASS", Optional.empty()))))
                    .isInstanceOf(AuditException.class).hasMessageContaining("disk full");
            assertThat(log.records()).hasSize(5);
            assertThat(log.check()).isInstanceOf(AuditCheck.Intact.class);
        }
    }

    @Test
    void open_usesWalAndNumberedSchemaVersion() throws Exception {
        Path file = fiveRecords();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThat(st.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
            assertThat(st.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(1);
        }
    }
}
