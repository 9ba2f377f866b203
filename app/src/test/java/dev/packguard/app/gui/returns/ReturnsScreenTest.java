package dev.packguard.app.gui.returns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.input.KeyPace;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.returns.DemoReturnsWorld;
import dev.packguard.app.station.returns.ReturnsSession;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the operator sees at the returns bench (headless, ADR 0001). The returns are the sample
 * packs of a real demo world, verified by the real ledger-client rules in return mode over a
 * synced mirror; the audit log and outbox are real files. Badges and the quarantine label are
 * typed through the keyboard wedge; pack codes, which carry GS, are handed to the shell as the
 * wedge would.
 */
@ExtendWith(ApplicationExtension.class)
class ReturnsScreenTest {
    private Stage stage;
    private PackingFixture f;
    private MainView main;
    private ReturnsViewModel vm;
    private PackingViewModel packingVm;
    private final List<Sounds.Cue> heard = new CopyOnWriteArrayList<>();
    private final DemoReturnsWorld world = DemoReturnsWorld.get();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            vm.dispose();
        }
        if (f != null) {
            f.close();
        }
    }

    /** The returns screen alone, or after a packing screen (F5) on the same audit log when {@code withPacking}. */
    private void open(FxRobot robot, boolean withPacking) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("returns-screen"));
        f.clock.set(DemoReturnsWorld.STATION);
        PackingSession packing = PackingSession.start(f.parts);
        ReturnsSession session = ReturnsSession.start(ReturnsSession.Parts.forStation(world.settings(f.dir.resolve("slips")), world.monitor,
                world.verifier(Clock.fixed(DemoReturnsWorld.STATION, ZoneOffset.UTC)), f.audit, f.outbox,
                () -> packing.snapshot().operator(), f.clock));
        robot.interact(() -> {
            main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Returns 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            if (withPacking) {
                packingVm = new PackingViewModel(packing, f.feed(), TaskExecutor.sameThread(), Sounds.off(),
                        () -> List.of(PackingFixture.ORDER), new AuditExporter(f.audit, f.dir.resolve("exports"), f.clock),
                        Platform::runLater);
                StationApplication.attachPacking(stage.getScene(), main, packingVm, WedgeTiming.defaults(), new KeyPace());
            } else {
                dev.packguard.app.gui.input.WedgeFilter.install(stage.getScene(), WedgeTiming.defaults(), new KeyPace(),
                        main::scan);
            }
            vm = new ReturnsViewModel(session, world.monitor, TaskExecutor.sameThread(), Sounds.recording(heard::add),
                    Platform::runLater);
            StationApplication.attachReturns(main, vm);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(FxRobot robot) {
        assertThat(text(robot, "#returnsPrompt")).isEqualTo("Scan your badge to sign in.");
        robot.write("badge-17\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#returnsOperator")).isEqualTo("Operator: badge-17");
        assertThat(text(robot, "#returnsPrompt")).isEqualTo("Scan the returned pack.");
    }

    private void scanPack(FxRobot robot, String scenario) {
        robot.interact(() -> main.scan(world.scan(scenario)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean disabled(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class).isDisabled();
    }

    private static List<String> bannerClasses(FxRobot robot) {
        return robot.lookup("#returnsBanner").queryAs(HBox.class).getStyleClass();
    }

    @Test
    void returnDispensedHereInsideTheWindow_sealIntact_isOkToReturn_andF12PutsItBackInStock(FxRobot robot) throws Exception {
        open(robot, false);
        signIn(robot);
        assertThat(robot.lookup("#sealQuestion").query().isVisible()).isFalse();

        scanPack(robot, "return-accepted");
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("Verified \u2014 check the seal");
        assertThat(text(robot, "#returnsBannerMark")).isEqualTo("\u2714");
        assertThat(text(robot, "#returnsReasons")).contains("dispensed by this pharmacy, inside the return window");
        assertThat(text(robot, "#returnsPrompt")).isEqualTo("Is the seal intact? F3 Yes \u00b7 F4 No");
        assertThat(robot.lookup("#sealQuestion").query().isVisible()).isTrue();
        assertThat(disabled(robot, "#stockButton")).isTrue();
        assertThat(heard).containsExactly(Sounds.Cue.PASS);
        // The pack's chain is on screen: made by a manufacturer, through a wholesaler, dispensed here — each step verified.
        List<String> chain = dev.packguard.app.gui.custody.CustodyTimelineTest.shown(robot, "#returnsCustody");
        assertThat(chain).filteredOn(step -> step.contains(" | ")).isNotEmpty()
                .allSatisfy(step -> assertThat(step).endsWith("\u2714 verified"));
        assertThat(String.join("\n", chain)).contains("commissioned", "Demo Versandapotheke", "dispensed");

        press(robot, KeyCode.F3);
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("OK to return to stock");
        assertThat(text(robot, "#returnsBannerMark")).isEqualTo("\u2714");
        assertThat(bannerClasses(robot)).contains("level-pass");
        assertThat(robot.lookup("#sealQuestion").query().isVisible()).isFalse();
        assertThat(disabled(robot, "#stockButton")).isFalse();

        press(robot, KeyCode.F12);
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("Returned to stock");
        assertThat(dev.packguard.app.gui.custody.CustodyTimelineTest.shown(robot, "#returnsCustody")).isEmpty();
        assertThat(text(robot, "#returnsTally")).isEqualTo("This session: 1 returned to stock · 0 quarantined");
        assertThat(disabled(robot, "#stockButton")).isTrue();
        assertThat(f.outbox.pending()).singleElement().extracting(Outbox.Entry::kind).isEqualTo(Outbox.Kind.RETURNED);
        assertThat(f.audit.records()).extracting(r -> r.entry().kind()).contains(AuditKind.SEAL_CHECK, AuditKind.RETURN);

        scanPack(robot, "return-accepted");
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("Already handled");
        assertThat(text(robot, "#returnsReasons")).contains("already returned to stock");
        assertThat(f.outbox.pending()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            return-not-dispensed-here | • Dispensed by another pharmacy                  | suspect-product report was filed
            return-too-late           | • Return window exceeded on 2026-11-09           | (not returnable)
            recalled-lot              | • Recalled (lot recalled by                      | suspect-product report was filed
            genuine-ibu400            | • Not dispensed: the ledger has no dispense      | suspect-product report was filed
            """)
    void returnThatMustNotGoBack_showsDoNotReturnWithTheReason_andF9Quarantines(String scenario, String reason,
            String quarantined, FxRobot robot) throws Exception {
        open(robot, false);
        signIn(robot);
        scanPack(robot, scenario);
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("DO NOT RETURN TO STOCK");
        assertThat(text(robot, "#returnsBannerMark")).isEqualTo("\u2716");
        assertThat(bannerClasses(robot)).contains("level-fail").doesNotContain("level-pass");
        assertThat(text(robot, "#returnsReasons")).contains(reason, "QUARANTINE bin");
        assertThat(robot.lookup("#sealQuestion").query().isVisible()).isFalse();
        assertThat(disabled(robot, "#stockButton")).isTrue();
        assertThat(disabled(robot, "#returnsQuarantineButton")).isFalse();
        assertThat(heard).containsExactly(Sounds.Cue.FAIL);

        press(robot, KeyCode.F12); // not taken: the button is off
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("DO NOT RETURN TO STOCK");
        press(robot, KeyCode.F9);
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("In quarantine");
        assertThat(text(robot, "#returnsReasons")).contains(quarantined);
        assertThat(text(robot, "#returnsTally")).isEqualTo("This session: 0 returned to stock · 1 quarantined");
        assertThat(f.outbox.pending()).noneMatch(e -> e.kind() == Outbox.Kind.RETURNED);
    }

    @Test
    void brokenSeal_showsDoNotReturn_andTheBinLabelConfirmsQuarantine(FxRobot robot) throws Exception {
        open(robot, false);
        signIn(robot);
        scanPack(robot, "return-accepted");
        press(robot, KeyCode.F4);
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("DO NOT RETURN TO STOCK");
        assertThat(text(robot, "#returnsReasons")).contains("\u2022 The seal is broken", "QUARANTINE bin");
        assertThat(disabled(robot, "#stockButton")).isTrue();
        assertThat(text(robot, "#returnsPrompt")).startsWith("Put the pack in the QUARANTINE bin");

        robot.write("PG-QUARANTINE\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("In quarantine");
        assertThat(text(robot, "#returnsReasons")).contains("(damaged: seal broken)");
        assertThat(f.outbox.pending()).isEmpty();
    }

    @Test
    void f6ShowsReturns_withTheOperatorSignedInAtPacking(FxRobot robot) throws Exception {
        open(robot, true);
        assertThat(main.shownScreen()).contains("packing");
        robot.write("badge-17\n", 0);
        WaitForAsyncUtils.waitForFxEvents();

        press(robot, KeyCode.F6);
        assertThat(main.shownScreen()).contains("returns");
        assertThat(robot.lookup("#tab-returns").tryQuery()).isPresent();
        assertThat(text(robot, "#returnsOperator")).isEqualTo("Operator: badge-17");
        assertThat(text(robot, "#returnsPrompt")).isEqualTo("Scan the returned pack.");
        scanPack(robot, "return-accepted");
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("Verified \u2014 check the seal");

        press(robot, KeyCode.F5);
        assertThat(main.shownScreen()).contains("packing");
    }
}
