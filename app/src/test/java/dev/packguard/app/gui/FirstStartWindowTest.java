package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The station started with no --config, as from the menu entry: it looks in the per-user directories. */
@ExtendWith(ApplicationExtension.class)
class FirstStartWindowTest {
    private Stage stage;
    private final StationApplication app = new StationApplication();

    @TempDir
    Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        FxStop.stop(app);
    }

    private DataDirectories dirs() {
        return DataDirectories.of(DataDirectories.OperatingSystem.LINUX, Map.of(), home);
    }

    private void open(FxRobot robot, DataDirectories dirs) {
        robot.interact(() -> app.openWindow(stage, dirs, Optional.empty(), false));
        // The settings screen comes once the worker has read the configuration (or made the folders).
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#notice").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the settings screen did not appear", e);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    @Test
    void noStationJson_opensTheSettingsWithDefaults_offersTheDemo_andCreatesTheFolders(FxRobot robot) {
        open(robot, dirs());
        assertThat(text(robot, "#notice")).contains("not set up yet", "Save",
                home.resolve(".config/packguard/station.json").toString(), "Open the demo", "packguard demo");
        assertThat(robot.lookup("#openDemo").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#field-ledger-mirror").queryAs(TextField.class).getText())
                .isEqualTo(home.resolve(".local/share/packguard/mirror.db").toString());
        assertThat(robot.lookup("#field-station-name").queryAs(TextField.class).getText()).isEqualTo("Packing station");
        assertThat(robot.lookup("#field-ledger-url").queryAs(TextField.class).getText()).isEmpty();
        assertThat(text(robot, "#configuration")).isEqualTo("No station configuration");
        assertThat(home.resolve(".config/packguard")).isDirectory();
        assertThat(home.resolve(".local/share/packguard")).isDirectory();
    }

    @Test
    void stationJsonInTheConfigFolder_isTheConfigurationUsed_andItsProblemsShowBesideTheFields(FxRobot robot)
            throws Exception {
        DataDirectories dirs = dirs();
        Files.createDirectories(dirs.config());
        // Incomplete on purpose: the window then names the file it read and what is missing.
        Files.writeString(dirs.stationConfig(), "{\"format\": 1, \"ledger\": {\"timeoutSeconds\": 0}}");
        open(robot, dirs);
        assertThat(text(robot, "#configuration")).isEqualTo("Configuration: " + dirs.stationConfig());
        assertThat(text(robot, "#notice")).contains(dirs.stationConfig().toString(), "ledger.url");
        assertThat(robot.lookup("#openDemo").queryAs(Button.class).isVisible()).isFalse();
        assertThat(robot.lookup("#field-ledger-timeoutSeconds").queryAs(TextField.class).getText()).isEqualTo("0");
        // A field the file leaves out shows the default in force.
        assertThat(robot.lookup("#field-ledger-warnAfterHours").queryAs(TextField.class).getText()).isEqualTo("4");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#error-ledger-url").isEmpty());
        assertThat(text(robot, "#error-ledger-url")).isEqualTo("ledger.url: is required");
        assertThat(text(robot, "#error-ledger-timeoutSeconds")).startsWith("ledger.timeoutSeconds: must be a whole number");
        assertThat(robot.lookup("#error-station-name").queryAs(Label.class).isVisible()).isFalse();
    }
}
