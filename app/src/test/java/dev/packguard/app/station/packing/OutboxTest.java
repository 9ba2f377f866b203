package dev.packguard.app.station.packing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file: signed entries only, their publishing states, restarts and the v1 upgrade. */
class OutboxTest {
    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    private static final UnitKey UNIT = new UnitKey(PackingFixture.IBUPROFEN, "S1");

    @TempDir
    Path dir;

    private static Outbox.NewEntry dispense(UnitKey unit) {
        return new Outbox.NewEntry(Outbox.Kind.DISPENSE, unit.toString(), Statements.dispense(unit, T, PackingFixture.SIGNER));
    }

    @Test
    void suspect_forTheReturnsBench_signsTheSuspicionItsFindingsGive() {
        UnitVerdict notOurs = new UnitVerdict.Fail(List.of(new UnitVerdict.Reason("NOT_DISPENSED_HERE", "not ours")),
                UnitVerdict.Evidence.none(), List.of());
        String payload = Statements.suspect(UNIT, T, settings(true), notOurs, List.of("not ours"));
        var entry = ((dev.packguard.ledger.statement.EntryDecoding.Decoded) dev.packguard.ledger.statement.EntryDecoder
                .decode(payload.getBytes(StandardCharsets.UTF_8))).entry();
        assertThat(((dev.packguard.ledger.statement.SuspectReport) entry.statement()).suspicion())
                .isEqualTo(dev.packguard.ledger.statement.Suspicion.DIVERTED);
        assertThat(payload).doesNotContain("not ours");
        assertThatThrownBy(() -> Statements.suspect(UNIT, T, settings(false), notOurs, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("station.signingKey");
    }

    private PackingSettings settings(boolean signed) {
        return signed ? new PackingSettings("Returns 1", "4012345000009", PackingSettings.DEFAULT_QUARANTINE_LABEL,
                java.time.Duration.ofDays(10), dir.resolve("slips"), dev.packguard.app.station.signing.StationSigning
                        .ready(PackingFixture.SIGNER))
                : new PackingSettings("Returns 1", "4012345000009", PackingSettings.DEFAULT_QUARANTINE_LABEL,
                        java.time.Duration.ofDays(10), dir.resolve("slips"));
    }

    @Test
    void newEntry_refusesAPayloadThatIsNotASignedStatement() {
        assertThatThrownBy(() -> new Outbox.NewEntry(Outbox.Kind.RETURNED, UNIT.toString(),
                "{\"bizStep\":\"returning\",\"gtin\":\"" + UNIT.gtin() + "\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a signed statement");
    }

    @Test
    void send_recordsIndexOrRefusal_keepsFailuresPending_andSurvivesReopening() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (Outbox o = Outbox.open(file)) {
            o.add(T, dispense(UNIT));
            o.add(T, dispense(new UnitKey(PackingFixture.IBUPROFEN, "S2")));
            Outbox.Entry first = o.pending().get(0);
            byte[][] sent = new byte[1][];
            assertThat(o.send(first, b -> {
                sent[0] = b;
                return new Outbox.Answer.Failed("node down");
            }, T)).contains(new Outbox.Answer.Failed("node down"));
            assertThat(new String(sent[0], StandardCharsets.UTF_8)).isEqualTo(first.payload());
            assertThat(o.status()).isEqualTo(new Outbox.Status(2, Optional.of(T), 0, Optional.empty()));
        }
        try (Outbox o = Outbox.open(file)) {
            List<Outbox.Entry> pending = o.pending();
            assertThat(pending).hasSize(2);
            assertThat(o.send(pending.get(0), b -> new Outbox.Answer.Refused("HTTP 409: already dispensed"), T)).isPresent();
            assertThat(o.send(pending.get(1), b -> new Outbox.Answer.Accepted(17), T.plusSeconds(5))).isPresent();
            assertThat(o.refused()).singleElement().satisfies(e -> assertThat(e.note()).get().asString()
                    .startsWith("HTTP 409: already dispensed").contains("1 unanswered attempt(s)", "may already be in the log"));
            Outbox.Entry published = o.about(new UnitKey(PackingFixture.IBUPROFEN, "S2")).get(0);
            assertThat(published.state()).isEqualTo(Outbox.State.PUBLISHED);
            assertThat(published.logIndex()).hasValue(17);
            assertThat(published.published()).contains(T.plusSeconds(5));
            // Neither is pending any more: sending again does nothing.
            assertThat(o.send(published, b -> {
                throw new AssertionError("sent twice");
            }, T)).isEmpty();
            assertThat(o.status().refused()).isEqualTo(1);
        }
    }

    @Test
    void open_upgradesAVersion1Outbox_withItsUnsignedRowsCancelled() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, kind TEXT NOT NULL, "
                    + "subject TEXT NOT NULL, payload TEXT NOT NULL, published TEXT)");
            st.execute("CREATE TABLE sealed_order (order_id TEXT PRIMARY KEY, sealed_at TEXT NOT NULL, operator TEXT NOT NULL, "
                    + "undone_at TEXT)");
            st.execute("CREATE TABLE sealed_unit (order_id TEXT NOT NULL REFERENCES sealed_order (order_id), gtin TEXT NOT NULL, "
                    + "serial TEXT NOT NULL, PRIMARY KEY (order_id, gtin, serial))");
            st.execute("INSERT INTO outbox (created, kind, subject, payload) VALUES ('" + T + "', 'DISPENSE', '" + UNIT
                    + "', '{\"bizStep\":\"dispensing\"}')");
            st.execute("PRAGMA user_version=1");
        }
        try (Outbox o = Outbox.open(file)) {
            assertThat(o.pending()).isEmpty();
            assertThat(o.about(UNIT)).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(Outbox.State.CANCELLED);
                assertThat(e.note()).get().asString().contains("unsigned", "never published");
            });
        }
    }
}
