package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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

    @TempDir
    Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private DataDirectories dirs() {
        return DataDirectories.of(DataDirectories.OperatingSystem.LINUX, Map.of(), home);
    }

    private void open(FxRobot robot, DataDirectories dirs) {
        StationApplication app = new StationApplication();
        robot.interact(() -> app.open(stage, "9.9.9-test", Optional.empty(), dirs));
    }

    @Test
    void noStationJson_showsWhereToPutIt_andCreatesTheFolders(FxRobot robot) {
        open(robot, dirs());
        String hint = robot.lookup("#workAreaHint").queryAs(Label.class).getText();
        assertThat(hint).contains("not set up yet", "station.json",
                home.resolve(".config/packguard").toString(),
                "\"mirror\": \"" + home.resolve(".local/share/packguard/mirror.db") + "\"",
                "packguard demo");
        assertThat(robot.lookup("#configuration").queryAs(Label.class).getText()).isEqualTo("No station configuration");
        assertThat(home.resolve(".config/packguard")).isDirectory();
        assertThat(home.resolve(".local/share/packguard")).isDirectory();
    }

    @Test
    void stationJsonInTheConfigFolder_isTheConfigurationUsed(FxRobot robot) throws Exception {
        DataDirectories dirs = dirs();
        Files.createDirectories(dirs.config());
        // Incomplete on purpose: the window then names the file it read and what is missing.
        Files.writeString(dirs.stationConfig(), "{\"format\": 1}");
        open(robot, dirs);
        assertThat(robot.lookup("#configuration").queryAs(Label.class).getText())
                .isEqualTo("Configuration: " + dirs.stationConfig());
        // The configuration is read on the worker thread, after the window appeared.
        Label hint = robot.lookup("#workAreaHint").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hint.getText().contains("ledger.url"));
        assertThat(robot.lookup("#ledgerStatus").queryAs(Label.class).getText()).isEqualTo("Ledger: not configured");
    }
}
