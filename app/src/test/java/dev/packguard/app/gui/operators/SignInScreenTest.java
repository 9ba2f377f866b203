package dev.packguard.app.gui.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.input.KeyPace;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.gui.returns.ReturnsViewModel;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.returns.ReturnsSession;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
 * What an operator sees when signing in at the packing screen and the returns bench, with an
 * operators roster and without (headless, ADR 0001), on real files. Names are picked with the
 * keyboard only; badges arrive through the keyboard wedge at a scanner's pace.
 */
@ExtendWith(ApplicationExtension.class)
class SignInScreenTest {
    private static final OperatorRoster ROSTER = OperatorRoster.of(Path.of("operators.json"), List.of(
            new Operator("tech-0017", "Anna Schmidt", Operator.Role.TECHNICIAN),
            new Operator("pharm-1", "Jürgen Öztürk", Operator.Role.PHARMACIST)));

    private Stage stage;
    private PackingFixture f;
    private MainView main;
    private final KeyPace pace = new KeyPace();

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

    private void openPacking(FxRobot robot, OperatorRoster roster) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("sign-in-screen"));
        PackingSession session = PackingSession.start(f.parts);
        session.useOperators(roster);
        robot.interact(() -> {
            main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            PackingViewModel vm = new PackingViewModel(session, f.feed(), TaskExecutor.sameThread(), Sounds.off(),
                    () -> List.of(PackingFixture.ORDER), new AuditExporter(f.audit, f.dir.resolve("exports"), f.clock),
                    Platform::runLater);
            StationApplication.attachPacking(stage.getScene(), main, vm, WedgeTiming.defaults(), pace);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openReturns(FxRobot robot, OperatorRoster roster) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("sign-in-screen"));
        ReturnsSession session = ReturnsSession.start(new ReturnsSession.Parts(f.audit, f.outbox, unit -> f.pass(),
                new ScanDecoder(WedgeConfig.defaults(), f.clock), f.ledger::get, Optional::empty, f.settings, f.clock));
        session.useOperators(roster);
        robot.interact(() -> {
            main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Returns 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            dev.packguard.app.gui.input.WedgeFilter.install(stage.getScene(), WedgeTiming.defaults(), pace, main::scan);
            StationApplication.attachReturns(main, new ReturnsViewModel(session, f.feed(), TaskExecutor.sameThread(),
                    Sounds.off(), Platform::runLater));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void badge(FxRobot robot, String badge) {
        pace.scanner();
        robot.write(badge + "\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup(query).query().getParent().isVisible();
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(FxRobot robot) {
        return robot.lookup("#operatorList").queryAs(ListView.class).getItems().stream()
                .map(o -> ((Operator) o).name()).toList();
    }

    private String lastAuditDetail() throws Exception {
        var all = f.audit.records();
        return all.get(all.size() - 1).entry().detail();
    }

    @Test
    void packing_pickSecondNameWithDownAndEnter_signsIn_showingTheName_andF1BringsTheListBack(FxRobot robot)
            throws Exception {
        openPacking(robot, ROSTER);
        assertThat(text(robot, "#prompt")).isEqualTo("Scan your badge, or pick your name from the list, to sign in.");
        assertThat(shown(robot, "#operatorList")).isTrue();
        assertThat(names(robot)).containsExactly("Anna Schmidt", "Jürgen Öztürk");
        assertThat(robot.lookup("#operatorFilter").queryAs(TextField.class).isFocused()).isTrue();

        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.ENTER);

        assertThat(text(robot, "#operator")).isEqualTo("Operator: Jürgen Öztürk (pharm-1)");
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Signed in");
        assertThat(text(robot, "#reasons")).isEqualTo("Welcome, Jürgen Öztürk.");
        assertThat(shown(robot, "#operatorList")).isFalse();
        assertThat(lastAuditDetail()).isEqualTo("signed in at Packing 1 (picked from the list): Jürgen Öztürk, pharmacist");
        int records = f.audit.records().size();
        press(robot, KeyCode.ENTER); // the hidden list picks nobody
        assertThat(text(robot, "#operator")).isEqualTo("Operator: Jürgen Öztürk (pharm-1)");
        assertThat(f.audit.records()).hasSize(records);

        press(robot, KeyCode.F1);
        assertThat(text(robot, "#operator")).isEqualTo("Nobody signed in");
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Signed out");
        assertThat(shown(robot, "#operatorList")).isTrue();
        assertThat(robot.lookup("#signOutButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void packing_typingNarrowsTheList_andEnterSignsInTheMatch(FxRobot robot) throws Exception {
        openPacking(robot, ROSTER);

        pace.person();
        robot.write("sch", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(robot)).containsExactly("Anna Schmidt");
        press(robot, KeyCode.ENTER);

        assertThat(text(robot, "#operator")).isEqualTo("Operator: Anna Schmidt (tech-0017)");
    }

    @Test
    void packing_badgeTypedIntoTheFieldMatchingNoName_signsInAsABadge(FxRobot robot) throws Exception {
        openPacking(robot, ROSTER);

        pace.person();
        robot.write("pharm-1\n", 0); // seven characters: too short for the wedge filter's scans

        assertThat(text(robot, "#operator")).isEqualTo("Operator: Jürgen Öztürk (pharm-1)");
        assertThat(lastAuditDetail()).isEqualTo("signed in at Packing 1 (badge scan): Jürgen Öztürk, pharmacist");
    }

    @Test
    void packing_badgeScannedWhileTheListShows_signsIn_andAnUnknownBadgeIsRefusedSayingWhatToDo(FxRobot robot)
            throws Exception {
        openPacking(robot, ROSTER);

        badge(robot, "badge-99");
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Scan refused");
        assertThat(text(robot, "#reasons")).isEqualTo("Badge \"badge-99\" is not registered at this station; ask the "
                + "pharmacist in charge to add it with \"packguard operator add\".");
        assertThat(text(robot, "#operator")).isEqualTo("Nobody signed in");
        assertThat(shown(robot, "#operatorList")).isTrue();
        assertThat(robot.lookup("#operatorFilter").queryAs(TextField.class).getText()).isEmpty();

        badge(robot, "TECH-0017");
        assertThat(text(robot, "#operator")).isEqualTo("Operator: Anna Schmidt (tech-0017)");
        assertThat(lastAuditDetail()).isEqualTo("signed in at Packing 1 (badge scan): Anna Schmidt, technician");
    }

    @Test
    void packing_withoutRoster_showsNoList_andAnyBadgeSignsInAsBefore(FxRobot robot) throws Exception {
        openPacking(robot, OperatorRoster.open());
        assertThat(text(robot, "#prompt")).isEqualTo("Scan your badge to sign in.");
        assertThat(shown(robot, "#operatorList")).isFalse();

        badge(robot, "badge-17");

        assertThat(text(robot, "#operator")).isEqualTo("Operator: badge-17");
        assertThat(text(robot, "#reasons")).isEqualTo("Welcome, badge-17.");
        press(robot, KeyCode.F1);
        assertThat(text(robot, "#prompt")).isEqualTo("Scan your badge to sign in.");
        assertThat(shown(robot, "#operatorList")).isFalse();
    }

    @Test
    void returns_pickFirstNameWithEnter_signsIn_showingTheName_andF1BringsTheListBack(FxRobot robot) throws Exception {
        openReturns(robot, ROSTER);
        assertThat(text(robot, "#returnsPrompt")).isEqualTo("Scan your badge, or pick your name from the list, to sign in.");
        assertThat(shown(robot, "#operatorList")).isTrue();

        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.UP);
        press(robot, KeyCode.ENTER);

        assertThat(text(robot, "#returnsOperator")).isEqualTo("Operator: Anna Schmidt (tech-0017)");
        assertThat(text(robot, "#returnsReasons")).isEqualTo("Welcome, Anna Schmidt. Scan a returned pack.");
        assertThat(text(robot, "#returnsPrompt")).isEqualTo("Scan the returned pack.");
        assertThat(shown(robot, "#operatorList")).isFalse();
        assertThat(lastAuditDetail()).contains("(picked from the list): Anna Schmidt, technician");

        press(robot, KeyCode.F1);
        assertThat(text(robot, "#returnsOperator")).isEqualTo("Nobody signed in");
        assertThat(text(robot, "#returnsBannerTitle")).isEqualTo("Signed out");
        assertThat(shown(robot, "#operatorList")).isTrue();
    }

    @Test
    void returns_unknownBadge_withRoster_isRefused_andWithoutRosterAnyBadgeWorks(FxRobot robot) throws Exception {
        openReturns(robot, ROSTER);
        badge(robot, "badge-99");
        assertThat(text(robot, "#returnsReasons")).contains("\"badge-99\" is not registered at this station",
                "packguard operator add");
        assertThat(text(robot, "#returnsOperator")).isEqualTo("Nobody signed in");
        f.close();

        openReturns(robot, OperatorRoster.open());
        assertThat(shown(robot, "#operatorList")).isFalse();
        badge(robot, "badge-99");
        assertThat(text(robot, "#returnsOperator")).isEqualTo("Operator: badge-99");
    }
}
