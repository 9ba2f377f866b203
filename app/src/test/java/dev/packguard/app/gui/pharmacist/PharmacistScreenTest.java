package dev.packguard.app.gui.pharmacist;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static dev.packguard.app.station.packing.PackingFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.input.KeyPace;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.verdict.LedgerLine;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditRecord;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.packing.SealOutcome;
import dev.packguard.app.station.pharmacist.PharmacistsFile;
import dev.packguard.app.station.pharmacist.StaleLedgerOverride;
import dev.packguard.app.station.pharmacist.UndoDesk;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the pharmacist sees on the pharmacist screen (F11): undo of a dispense, and the stale-ledger
 * override with its effect on the packing screen and the ledger pill. Real audit log, outbox and
 * (for the override) a real mirror judged by the real ledger monitor; verdicts come from
 * {@link PackingFixture}'s verifier.
 */
@ExtendWith(ApplicationExtension.class)
class PharmacistScreenTest {
    private Stage stage;
    private PackingFixture f;
    private PackingSession session;
    private StaleLedgerOverride override;
    private MainView main;
    private PackingViewModel packing;
    private LedgerLine otherLine;
    private final KeyPace keys = new KeyPace();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    /** A ledger state the test sets; listeners hear every change. */
    private static final class Feed implements LedgerFeed {
        private volatile LedgerState state;
        private final List<Consumer<LedgerState>> listeners = new CopyOnWriteArrayList<>();

        Feed(LedgerState state) {
            this.state = state;
        }

        @Override
        public LedgerState current() {
            return state;
        }

        @Override
        public void addListener(Consumer<LedgerState> l) {
            listeners.add(l);
            l.accept(state);
        }

        @Override
        public void removeListener(Consumer<LedgerState> l) {
            listeners.remove(l);
        }
    }

    private void station(LedgerFeed feed, PackingSession.Parts parts) throws Exception {
        session = PackingSession.start(parts);
        override = new StaleLedgerOverride(f.audit, parts.pins(), f.clock);
        session.allowStaleLedger(override);
    }

    // The shell with the packing screen (scans through the wedge, paced by the test) and the pharmacist screen.
    private void open(FxRobot robot, LedgerFeed feed, Optional<LedgerMonitor> monitor) {
        UndoDesk desk = new UndoDesk(session, f.outbox, f.settings.undoWindow(), f.clock);
        robot.interact(() -> {
            MainViewModel shell = new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(), monitor, Platform::runLater);
            main = StationApplication.show(stage, shell);
            packing = new PackingViewModel(session, feed, TaskExecutor.sameThread(), Sounds.off(),
                    () -> List.of(PackingFixture.ORDER), new AuditExporter(f.audit, f.dir.resolve("exports"), f.clock),
                    Platform::runLater);
            StationApplication.attachPacking(stage.getScene(), main, packing, WedgeTiming.defaults(), keys);
            // A second screen's line on the same ledger, as the returns bench has: the override reaches both.
            otherLine = new LedgerLine(feed, Platform::runLater, "returns", () -> { });
            StationApplication.attachPharmacist(main, shell, List.of(packing.ledgerLine(), otherLine), override, desk,
                    feed, TaskExecutor.sameThread());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // A station with order ORD-1001 sealed, a fresh ledger, and the pharmacist screen shown.
    private void openOnASealedOrder(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("pharmacist-screen"));
        sealOrder();
        Feed feed = new Feed(f.ledger.get());
        station(feed, f.parts);
        open(robot, feed, Optional.empty());
        showPharmacistScreen(robot);
    }

    private void sealOrder() {
        PackingSession s = PackingSession.start(f.parts);
        s.scan("badge-17");
        s.scan("ORD-1001");
        s.scan(scan(IBUPROFEN, "S1"));
        s.scan(scan(IBUPROFEN, "S2"));
        s.scan(scan(AMOXICILLIN, "A1"));
        assertThat(s.packAndSeal()).isInstanceOf(SealOutcome.Sealed.class);
    }

    private void showPharmacistScreen(FxRobot robot) {
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.shownScreen()).contains("pharmacist");
    }

    // A person types (300 ms between keys on the test's clock), so the wedge filter leaves the fields alone.
    private void type(FxRobot robot, String field, String text) {
        keys.person();
        robot.clickOn(field).write(text, 0);
    }

    private void undo(FxRobot robot, String pin) {
        robot.clickOn("#undoList");
        robot.interact(() -> robot.lookup("#undoList").queryListView().getSelectionModel().select(0));
        robot.interact(() -> {
            robot.lookup("#undoPharmacist").queryTextInputControl().clear();
            robot.lookup("#undoReason").queryTextInputControl().clear();
        });
        type(robot, "#undoPharmacist", PackingFixture.PHARMACIST);
        type(robot, "#undoPin", pin);
        type(robot, "#undoReason", "patient cancelled by phone");
        robot.interact(() -> robot.lookup("#undoButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    // The same through the fields' text (no typing), for repeated attempts.
    private void quickUndo(FxRobot robot, String pin) {
        robot.interact(() -> {
            robot.lookup("#undoList").queryListView().getSelectionModel().select(0);
            robot.lookup("#undoPharmacist").queryTextInputControl().setText(PackingFixture.PHARMACIST);
            robot.lookup("#undoReason").queryTextInputControl().setText("patient cancelled by phone");
            robot.lookup("#undoPin").queryTextInputControl().setText(pin);
            robot.lookup("#undoButton").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private List<AuditRecord> records(AuditKind kind) throws Exception {
        return f.audit.records().stream().filter(r -> r.entry().kind() == kind).toList();
    }

    @Test
    void undo_withTheRightPin_showsUndone_andCancelsTheUnpublishedDispenses(FxRobot robot) throws Exception {
        openOnASealedOrder(robot);
        assertThat(robot.lookup("#undoList").queryListView().getItems()).extracting(Object::toString)
                .singleElement().asString().contains("ORD-1001 · sealed 2026-11-24 08:00 UTC by badge-17 · 3 packs");

        undo(robot, new String(PackingFixture.PIN));
        assertThat(text(robot, "#undoResult")).startsWith("\u2714 Order ORD-1001 undone: 3 packs are back in stock");
        assertThat(robot.lookup("#undoResult").queryAs(Label.class).getStyleClass()).contains("level-ok");
        assertThat(robot.lookup("#undoList").queryListView().getItems()).isEmpty();
        assertThat(robot.lookup("#undoPin").queryAs(PasswordField.class).getText()).isEmpty();
        // The dispenses were never published, so the undo cancels them in the outbox: nothing goes to the ledger.
        assertThat(f.outbox.pending()).noneMatch(e -> e.kind() == Outbox.Kind.DISPENSE || e.kind() == Outbox.Kind.UNDO_DISPENSE);
        assertThat(records(AuditKind.UNDO)).extracting(r -> r.entry().detail()).containsExactly(
                "undone, authorised by pharmacist pharm-1: patient cancelled by phone",
                "ledger: 0 undo statement(s) queued, 3 dispense(s) cancelled before they were published "
                        + "[04012345000016/S1, 04012345000016/S2, 04012345000023/A1], 0 never in the log");
    }

    @Test
    void undo_withWrongPins_isRefusedAndRecorded_thenLocked(FxRobot robot) throws Exception {
        openOnASealedOrder(robot);

        undo(robot, "0000");
        assertThat(text(robot, "#undoResult")).isEqualTo("\u2716 Not undone: The pharmacist id or PIN is wrong "
                + "(4 more attempts before PIN entry is locked).");
        assertThat(robot.lookup("#undoResult").queryAs(Label.class).getStyleClass()).contains("level-refused");
        assertThat(robot.lookup("#undoList").queryListView().getItems()).hasSize(1);
        assertThat(records(AuditKind.UNDO)).singleElement().extracting(r -> r.entry().detail()).asString()
                .startsWith("REFUSED: The pharmacist id or PIN is wrong").doesNotContain("0000");
        for (int i = 0; i < 4; i++) {
            quickUndo(robot, "0000");
        }
        quickUndo(robot, new String(PackingFixture.PIN));
        assertThat(text(robot, "#undoResult")).startsWith("\u2716 Not undone: PIN entry is locked after 5 wrong PINs");
        assertThat(records(AuditKind.UNDO)).hasSize(6).allMatch(r -> r.entry().detail().startsWith("REFUSED"));
        assertThat(f.outbox.pending()).noneMatch(e -> e.kind() == Outbox.Kind.UNDO_DISPENSE);
    }

    @Test
    void undo_withNoPharmacistsSetUp_saysSoNamingTheSetting(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("pharmacist-screen"));
        sealOrder();
        Feed feed = new Feed(f.ledger.get());
        station(feed, new PackingSession.Parts(f.parts.audit(), f.parts.outbox(), f.parts.verifier(), f.parts.decoder(),
                f.parts.ledger(), f.parts.orders(), PharmacistsFile.pinsFor(Optional.empty()), f.parts.settings(), f.clock));
        open(robot, feed, Optional.empty());
        showPharmacistScreen(robot);
        quickUndo(robot, new String(PackingFixture.PIN));
        assertThat(text(robot, "#undoResult")).startsWith("\u2716 Not undone: No pharmacists are set up: the station "
                + "configuration has no station.pharmacists file.");
        assertThat(records(AuditKind.UNDO)).singleElement().extracting(r -> r.entry().detail()).asString()
                .startsWith("REFUSED: No pharmacists are set up");
    }

    @Test
    void undo_afterTheWindow_isRefused(FxRobot robot) throws Exception {
        openOnASealedOrder(robot);
        f.clock.advance(Duration.ofDays(10).plusMinutes(1));
        undo(robot, new String(PackingFixture.PIN));
        assertThat(text(robot, "#undoResult")).contains("Not undone: Order ORD-1001 was sealed more than 10 days ago",
                "NMVS_NC_PCK_20");
        assertThat(robot.lookup("#undoList").queryListView().getItems()).isEmpty();
    }

    @Test
    void staleLedger_overrideWithReason_letsScansVerify_withTheWarningOnEveryVerdict(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("pharmacist-screen"));
        SignedTestLog log = new SignedTestLog("stale.example/log", 1, f.clock);
        log.append(40, "u").writeTo(f.dir.resolve("www"));
        Policy policy = ((Parsed.Ok<Policy>) PolicyParser.parse(log.policy(1))).value();
        try (StaticDirServer server = new StaticDirServer(f.dir.resolve("www"));
                MirrorStore store = MirrorStore.open(f.dir.resolve("mirror.db"))) {
            MirrorSync sync = new MirrorSync(store, new LogFetcher(server.base(), new LogFetcher.Settings(
                    Duration.ofSeconds(2), 1, Duration.ofMillis(10), 2)), new PolicyVerifier(policy, f.clock), f.clock);
            LedgerMonitor monitor = new LedgerMonitor(store, sync, Duration.ofHours(4), Duration.ofHours(24), f.clock,
                    Runnable::run);
            monitor.syncNow();
            server.close();
            station(monitor, new PackingSession.Parts(f.parts.audit(), f.parts.outbox(), f.parts.verifier(),
                    f.parts.decoder(), monitor::current, f.parts.orders(), f.parts.pins(), f.parts.settings(), f.clock));
            open(robot, monitor, Optional.of(monitor));
            keys.scanner();
            robot.write("badge-17\n", 0);
            keys.scanner();
            robot.write("ORD-1001\n", 0);
            WaitForAsyncUtils.waitForFxEvents();
            f.clock.advance(Duration.ofHours(30));
            monitor.tick();
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> packing.scan(scan(IBUPROFEN, "S1")));
            assertThat(text(robot, "#bannerTitle")).isEqualTo("Scan refused");
            assertThat(text(robot, "#ledgerStatus")).contains("TOO OLD");

            showPharmacistScreen(robot);
            assertThat(text(robot, "#overrideState")).startsWith("The ledger is too old (1 d 6 h): scanning is blocked.");
            type(robot, "#overridePharmacist", PackingFixture.PHARMACIST);
            type(robot, "#overridePin", new String(PackingFixture.PIN));
            type(robot, "#overrideReason", "ISP outage, ticket 4711");
            robot.interact(() -> robot.lookup("#overrideButton").queryButton().fire());
            WaitForAsyncUtils.waitForFxEvents();
            String warning = "Verified against a ledger 1 d 6 h old (override by A. Apothecary: ISP outage, ticket 4711; "
                    + "until 2026-11-25 22:00 UTC).";
            assertThat(text(robot, "#overrideResult")).isEqualTo("\u26A0 Override granted: " + warning);
            assertThat(text(robot, "#ledgerStatus")).startsWith("Ledger: OVERRIDE · Online · 40 entries · verified 1 d 6 h ago");
            assertThat(text(robot, "#ledgerDetail")).isEqualTo(warning);
            // Shown whole (its own line in the status bar, wrapped), not cut short with an ellipsis.
            Label detail = robot.lookup("#ledgerDetail").queryAs(Label.class);
            assertThat(((javafx.scene.text.Text) detail.lookup(".text")).getText()).isEqualTo(warning);
            assertThat(robot.lookup("#overrideButton").queryAs(Button.class).isDisabled()).isTrue();
            AuditRecord granted = records(AuditKind.OVERRIDE).get(0);
            assertThat(granted.entry().detail()).startsWith("GRANTED until 2026-11-25T22:00:00Z with the ledger 1 d 6 h old")
                    .endsWith(": ISP outage, ticket 4711");
            assertThat(granted.entry().checkpoint()).get().extracting(c -> c.size()).isEqualTo(40L);

            robot.type(KeyCode.F5);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text(robot, "#ledgerLine")).isEqualTo("Ledger OVERRIDE: " + warning);
            assertThat(otherLine.textProperty().get()).isEqualTo("Ledger OVERRIDE: " + warning);
            assertThat(otherLine.blocks()).isFalse();
            robot.interact(() -> packing.scan(scan(IBUPROFEN, "S1")));
            assertThat(text(robot, "#bannerTitle")).isEqualTo("OK to pack");
            assertThat(text(robot, "#reasons")).startsWith(warning);
            assertThat(records(AuditKind.VERDICT)).last().extracting(r -> r.entry().detail()).asString()
                    .isEqualTo("PASS [" + warning + "]");

            // Eight hours on, the override has ended: scanning is blocked again.
            f.clock.advance(Duration.ofHours(8));
            monitor.tick();
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> packing.scan(scan(IBUPROFEN, "S2")));
            assertThat(text(robot, "#bannerTitle")).isEqualTo("Scan refused");
            assertThat(text(robot, "#ledgerStatus")).doesNotContain("OVERRIDE");
        }
    }

    @Test
    void securityAlert_cannotBeOverridden(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("pharmacist-screen"));
        LedgerState old = f.ledgerAged(Duration.ofHours(30), Duration.ofHours(4), Duration.ofHours(24));
        Feed feed = new Feed(new LedgerState(old.connection(), old.verified(), old.age(), old.freshness(), Optional.empty(),
                Optional.of("fork: two checkpoints of size 40 with different roots"), "test"));
        station(feed, f.parts);
        open(robot, feed, Optional.empty());
        showPharmacistScreen(robot);
        assertThat(text(robot, "#overrideState")).startsWith("SECURITY ALERT on the ledger: it cannot be overridden.");
        assertThat(robot.lookup("#overrideButton").queryAs(Button.class).isDisabled()).isTrue();

        // Even asked directly (the button is off), the workflow refuses, and records the attempt.
        StaleLedgerOverride.Outcome o = override.grant(PackingFixture.PHARMACIST, PackingFixture.PIN.clone(),
                "ISP outage, ticket 4711", feed.current());
        assertThat(o).isInstanceOf(StaleLedgerOverride.Outcome.Refused.class);
        assertThat(records(AuditKind.OVERRIDE)).singleElement().extracting(r -> r.entry().detail()).asString()
                .startsWith("REFUSED: A security alert on the ledger cannot be overridden");
        assertThat(override.allowance(feed.current())).isEmpty();
    }
}
