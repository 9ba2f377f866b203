package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StationWindowTest {
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StationApplication.show(stage, new MainViewModel("9.9.9-test", "No station configuration", Optional.empty(),
                Optional.empty(), Platform::runLater));
    }

    @Test
    void window_showsTitleAndShell(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo(StationApplication.TITLE);
        verifyThat("#title", hasText("PackGuard"));
        verifyThat("#title", isVisible());
        verifyThat("#version", hasText("PackGuard 9.9.9-test"));
    }

    @Test
    void screens_haveTabsInTheOrderOfTheirKeys_whicheverIsAddedFirst_andTheKeyShowsThem(FxRobot robot) {
        java.util.List<String> shown = new java.util.ArrayList<>();
        robot.interact(() -> {
            var main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            for (var key : java.util.List.of(javafx.scene.input.KeyCode.F11, javafx.scene.input.KeyCode.F5,
                    javafx.scene.input.KeyCode.F8)) {
                String id = key.getName().toLowerCase(java.util.Locale.ROOT);
                main.addScreen(new dev.packguard.app.gui.main.MainView.Screen(id, "Screen " + key.getName(), key,
                        new javafx.scene.layout.StackPane(new Label(id)), Optional.of(shown::add)));
            }
        });
        assertThat(robot.lookup("#tab-f5").query().getParent().getChildrenUnmodifiable().stream()
                .map(javafx.scene.Node::getId).toList()).containsExactly("tab-f5", "tab-f8", "tab-f11");
        robot.type(javafx.scene.input.KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tab-f8").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void withoutConfiguration_tellsOperatorHowToStart(FxRobot robot) {
        verifyThat("#ledgerStatus", hasText("Ledger: not configured"));
        Label hint = robot.lookup("#workAreaHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).contains("./packguard demo");
    }

    @Test
    void badConfiguration_showsTheProblemInTheWorkArea(FxRobot robot) {
        robot.interact(() -> StationApplication.show(stage, new MainViewModel("9.9.9-test",
                "Configuration: /etc/packguard/station.json",
                Optional.of("The station configuration has problems:\n  ledger.url: is required"), Optional.empty(),
                Platform::runLater)));
        verifyThat("#configuration", hasText("Configuration: /etc/packguard/station.json"));
        assertThat(robot.lookup("#workAreaHint").queryAs(Label.class).getText()).contains("ledger.url: is required");
    }

    @Test
    void syncedLedger_showsSizeAndAgeWithAMark_thenOfflineWarns(FxRobot robot) throws Exception {
        Instant signed = Instant.parse("2026-11-24T08:00:00Z");
        SignedTestLog log = new SignedTestLog("window.example/log", 1, Clock.fixed(signed, ZoneOffset.UTC));
        log.append(300, "a").writeTo(dir.resolve("www"));
        Policy policy = ((Parsed.Ok<Policy>) PolicyParser.parse(log.policy(1))).value();
        Clock clock = Clock.fixed(signed.plus(Duration.ofMinutes(192)), ZoneOffset.UTC);
        try (StaticDirServer server = new StaticDirServer(dir.resolve("www"));
                MirrorStore store = MirrorStore.open(dir.resolve("mirror.db"))) {
            MirrorSync sync = new MirrorSync(store, new LogFetcher(server.base(),
                    new LogFetcher.Settings(Duration.ofSeconds(2), 1, Duration.ofMillis(10), 2)), new PolicyVerifier(policy, clock), clock);
            LedgerMonitor monitor = new LedgerMonitor(store, sync, Duration.ofHours(4), Duration.ofHours(24), clock,
                    Runnable::run);
            robot.interact(() -> StationApplication.show(stage, new MainViewModel("9.9.9-test", "Packing 1",
                    Optional.empty(), Optional.of(monitor), Platform::runLater)));
            monitor.syncNow();
            WaitForAsyncUtils.waitForFxEvents();
            Label status = robot.lookup("#ledgerStatus").queryAs(Label.class);
            assertThat(status.getText()).isEqualTo("Ledger: Online · 300 entries · verified 3 h 12 min ago");
            assertThat(status.getStyleClass()).contains("level-ok");
            assertThat(((Label) status.getGraphic()).getText()).isEqualTo("\u2714");
            verifyThat("#workAreaHint", hasText("Scan a pack or open an order to begin."));

            server.close();
            monitor.syncNow();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(status.getText()).startsWith("Ledger: Offline · 300 entries");
            assertThat(status.getStyleClass()).contains("level-warn").doesNotContain("level-ok");
            assertThat(((Label) status.getGraphic()).getText()).isEqualTo("\u26A0");
            assertThat(robot.lookup("#ledgerDetail").queryAs(Label.class).getText()).startsWith("Offline:");
        }
    }
}
