package dev.packguard.app.gui.packing;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static dev.packguard.app.station.packing.PackingFixture.NOT_ORDERED;
import static dev.packguard.app.station.packing.PackingFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.custody.CustodyTimelineTest;
import dev.packguard.app.gui.input.KeyPace;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.audit.AuditCheck;
import dev.packguard.app.station.audit.AuditExport;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
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
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the operator sees on the packing screen (headless, ADR 0001). The station runs on real
 * files (audit log, outbox, slips); verdicts come from {@link PackingFixture}'s test double,
 * since the verification rules are built elsewhere. Badge and order are scanned through the
 * keyboard wedge; unit codes, which carry GS, are handed to the screen as the wedge would.
 */
@ExtendWith(ApplicationExtension.class)
class PackingScreenTest {
    private Stage stage;
    private PackingFixture f;
    private PackingViewModel vm;
    private final List<Sounds.Cue> heard = new CopyOnWriteArrayList<>();

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

    private void open(FxRobot robot) throws Exception {
        if (f == null) {
            f = new PackingFixture(Files.createTempDirectory("packing-screen"));
        }
        open(robot, f.feed(), f.parts);
    }

    private void open(FxRobot robot, LedgerFeed feed, PackingSession.Parts parts) {
        PackingSession session = PackingSession.start(parts);
        robot.interact(() -> {
            MainView main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            vm = new PackingViewModel(session, feed, TaskExecutor.sameThread(), Sounds.recording(heard::add),
                    () -> List.of(PackingFixture.ORDER), new AuditExporter(f.audit, f.dir.resolve("exports"), f.clock),
                    Platform::runLater);
            StationApplication.attachPacking(stage.getScene(), main, vm, WedgeTiming.defaults(), new KeyPace());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signInAndOpenOrder(FxRobot robot) {
        assertThat(text(robot, "#prompt")).isEqualTo("Scan your badge to sign in.");
        robot.write("badge-17\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#operator")).isEqualTo("Operator: badge-17");
        assertThat(text(robot, "#prompt")).startsWith("Scan an order barcode");
        robot.write("ORD-1001\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#orderTitle")).isEqualTo("Order ORD-1001");
    }

    private void scanUnit(FxRobot robot, String code) {
        robot.interact(() -> vm.scan(code));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<String> bannerClasses(FxRobot robot) {
        return robot.lookup("#banner").queryAs(HBox.class).getStyleClass();
    }

    @Test
    void packWholeOrder_showsOkToPackWithCustody_thenSealsWithF12(FxRobot robot) throws Exception {
        open(robot);
        signInAndOpenOrder(robot);
        assertThat(robot.lookup("#sealButton").queryAs(Button.class).isDisabled()).isTrue();

        scanUnit(robot, scan(IBUPROFEN, "S1"));
        assertThat(text(robot, "#bannerTitle")).isEqualTo("OK to pack");
        assertThat(text(robot, "#bannerMark")).isEqualTo("\u2714");
        assertThat(bannerClasses(robot)).contains("level-pass");
        assertThat(text(robot, "#product")).contains("GTIN " + IBUPROFEN, "serial S1", "lot LOT42", "expires 2028-12-31");
        assertThat(CustodyTimelineTest.shown(robot, "#custody")).containsExactly(
                "Demo Pharma GmbH | commissioning | 2026-10-15 | \u2714 verified", "\u2192",
                "Demo Grosshandel | shipping | 2026-11-15 | \u2714 verified", "\u2192",
                "Demo Versandapotheke | receiving | 2026-11-16 | \u2714 verified");
        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 1 / 2");

        scanUnit(robot, scan(IBUPROFEN, "S2"));
        scanUnit(robot, scan(AMOXICILLIN, "A1"));
        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u2714 2 / 2");
        assertThat(text(robot, "#line-" + AMOXICILLIN)).startsWith("\u2714 1 / 1");
        assertThat(text(robot, "#prompt")).isEqualTo("Every line is complete. Press F12 to Pack & seal.");
        assertThat(heard).containsExactly(Sounds.Cue.PASS, Sounds.Cue.PASS, Sounds.Cue.PASS);

        robot.type(KeyCode.F12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Order ORD-1001 sealed");
        assertThat(text(robot, "#reasons")).contains("3 verified packs recorded as dispensed");
        assertThat(Files.exists(f.dir.resolve("slips").resolve("ORD-1001.txt"))).isTrue();
        assertThat(text(robot, "#orderTitle")).isEqualTo("No order open");

        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Audit log exported");
        assertThat(text(robot, "#reasons")).startsWith("Chain intact: 9 records");
        Path json = f.dir.resolve("exports").resolve("audit-20261124-080000.json");
        assertThat(AuditExport.verifyJson(Files.readString(json))).isInstanceOf(AuditExport.Checked.class)
                .extracting(c -> ((AuditExport.Checked) c).result()).isInstanceOf(AuditCheck.Intact.class);
        assertThat(f.dir.resolve("exports").resolve("audit-20261124-080000.csv")).exists();
    }

    @Test
    void failingUnit_showsDoNotPack_blocksScans_untilF9ConfirmsQuarantine(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("packing-screen"));
        f.scripted.put("FAKE", f.unknownSerial());
        open(robot);
        signInAndOpenOrder(robot);

        scanUnit(robot, scan(IBUPROFEN, "FAKE"));
        assertThat(text(robot, "#bannerTitle")).isEqualTo("DO NOT PACK");
        assertThat(text(robot, "#bannerMark")).isEqualTo("\u2716");
        assertThat(bannerClasses(robot)).contains("level-fail").doesNotContain("level-pass");
        assertThat(text(robot, "#reasons")).contains("\u2022 This serial number was never issued by the manufacturer.",
                "QUARANTINE bin");
        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 0 / 2");
        assertThat(heard).containsExactly(Sounds.Cue.FAIL);
        assertThat(robot.lookup("#quarantineButton").queryAs(Button.class).isDisabled()).isFalse();

        scanUnit(robot, scan(IBUPROFEN, "S1"));
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Scan refused");
        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 0 / 2");

        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#bannerTitle")).isEqualTo("In quarantine");
        assertThat(text(robot, "#reasons")).contains("suspect-product report was filed");
        assertThat(f.outbox.pending()).hasSize(1);
        scanUnit(robot, scan(IBUPROFEN, "S1"));
        assertThat(text(robot, "#bannerTitle")).isEqualTo("OK to pack");
    }

    @Test
    void wrongProduct_showsDoNotPackWithTheReason(FxRobot robot) throws Exception {
        open(robot);
        signInAndOpenOrder(robot);
        scanUnit(robot, scan(NOT_ORDERED, "X1"));
        assertThat(text(robot, "#bannerTitle")).isEqualTo("DO NOT PACK");
        assertThat(text(robot, "#reasons")).contains("is not on order ORD-1001");
        assertThat(text(robot, "#prompt")).startsWith("Put the pack in the QUARANTINE bin");
    }

    @Test
    void duplicateScan_showsAlreadyScanned_andCountsOnce(FxRobot robot) throws Exception {
        open(robot);
        signInAndOpenOrder(robot);
        scanUnit(robot, scan(IBUPROFEN, "S1"));
        scanUnit(robot, scan(IBUPROFEN, "S1"));
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Already scanned");
        assertThat(text(robot, "#bannerMark")).isEqualTo("\u26A0");
        assertThat(text(robot, "#reasons")).contains(IBUPROFEN + "/S1", "not counted again");
        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 1 / 2");
        assertThat(heard).containsExactly(Sounds.Cue.PASS, Sounds.Cue.ATTENTION);
    }

    @Test
    void staleLedger_warnsThenBlocksScanning(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("packing-screen"));
        // A real mirror, synced once from a signed log on 127.0.0.1, then judged by the real monitor
        // as the fixture's clock moves on with the network gone.
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
            open(robot, monitor, new PackingSession.Parts(f.parts.audit(), f.parts.outbox(), f.parts.verifier(),
                    f.parts.decoder(), monitor::current, f.parts.orders(), f.parts.pins(), f.parts.settings(), f.clock));
            signInAndOpenOrder(robot);
            assertThat(text(robot, "#ledgerLine")).startsWith("Ledger: Online · 40 entries");

            f.clock.advance(Duration.ofHours(5));
            monitor.syncNow();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text(robot, "#ledgerLine")).startsWith("Ledger old: Offline · 40 entries · verified 5 h 0 min ago");
            assertThat(robot.lookup("#ledgerLine").queryAs(Label.class).getStyleClass()).contains("level-attention");
            scanUnit(robot, scan(IBUPROFEN, "S1"));
            assertThat(text(robot, "#bannerTitle")).isEqualTo("OK to pack");
            assertThat(text(robot, "#reasons")).startsWith("The ledger is old");

            f.clock.advance(Duration.ofHours(20));
            monitor.tick();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text(robot, "#ledgerLine")).startsWith("Ledger too old: scanning blocked");
            assertThat(robot.lookup("#ledgerLine").queryAs(Label.class).getStyleClass()).contains("level-fail");
            assertThat(text(robot, "#prompt")).isEqualTo("Scanning is blocked: the ledger cannot be used.");
            scanUnit(robot, scan(IBUPROFEN, "S2"));
            assertThat(text(robot, "#bannerTitle")).isEqualTo("Scan refused");
            assertThat(text(robot, "#reasons")).contains("too old");
            assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 1 / 2");
        }
    }

    @Test
    void tamperedAuditLog_isShownAtStart_andBlocksWork(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("packing-screen"));
        PackingSession earlier = PackingSession.start(f.parts);
        earlier.scan("badge-17");
        earlier.scan("ORD-1001");
        Path audit = f.dir.resolve("audit.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + audit); var st = c.createStatement()) {
            st.executeUpdate("UPDATE audit SET subject = 'ORD-9999' WHERE seq = 2");
        }
        open(robot);
        assertThat(text(robot, "#bannerTitle")).isEqualTo("WORK STOPPED");
        assertThat(bannerClasses(robot)).contains("level-halted");
        assertThat(text(robot, "#reasons")).startsWith("The audit log has been altered at record 2");
        assertThat(text(robot, "#prompt")).isEqualTo("Work has stopped. Call the pharmacist in charge.");
        robot.write("badge-17\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#operator")).isEqualTo("Nobody signed in");
        assertThat(text(robot, "#bannerTitle")).isEqualTo("WORK STOPPED");
    }
}
