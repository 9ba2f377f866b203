package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import dev.packguard.app.gui.main.MainViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StationWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StationApplication.show(stage, new MainViewModel("9.9.9-test", Optional.empty()));
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
    void withoutConfiguration_tellsOperatorHowToStart(FxRobot robot) {
        verifyThat("#ledgerStatus", hasText("Ledger: not configured"));
        Label hint = robot.lookup("#workAreaHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).contains("./packguard demo");
    }

    @Test
    void withConfiguration_namesTheFileInStatusBar(FxRobot robot) {
        robot.interact(() -> StationApplication.show(stage,
                new MainViewModel("9.9.9-test", Optional.of(Path.of("/etc/packguard/station.json")))));
        verifyThat("#configuration", hasText("Configuration: /etc/packguard/station.json"));
        verifyThat("#workAreaHint", hasText("Scan a pack or open an order to begin."));
    }
}
