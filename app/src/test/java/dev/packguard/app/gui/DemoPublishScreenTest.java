package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.app.demo.DemoStation;
import dev.packguard.app.station.DataDirectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo station publishes: packing and sealing the demo's first order ends with the status
 * bar saying every statement was published, and the ledger line counting them in the next
 * checkpoint.
 */
@ExtendWith(ApplicationExtension.class)
class DemoPublishScreenTest {
    private static final Pattern ENTRIES = Pattern.compile("([0-9][0-9,]*) entries");
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

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long entries(FxRobot robot) {
        Matcher m = ENTRIES.matcher(text(robot, "#ledgerStatus"));
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static void scan(FxRobot robot, String scan) {
        robot.interact(() -> {
            TextField manual = robot.lookup("#manualEntry").queryAs(TextField.class);
            manual.setText(scan);
            manual.fireEvent(new javafx.event.ActionEvent());
        });
    }

    @Test
    void packAndSealTheFirstDemoOrder_statusBarSaysPublished_andTheLedgerCountsTheDispenses(FxRobot robot)
            throws Exception {
        app.demoUnits = 200;
        DataDirectories dirs = DataDirectories.of(DataDirectories.OperatingSystem.LINUX, Map.of(), home);
        robot.interact(() -> app.openWindow(stage, dirs, Optional.empty(), false));
        await(10, () -> robot.lookup("#openDemo").tryQuery().isPresent());
        robot.clickOn("#openDemo");
        await(120, () -> robot.lookup("#orderTitle").tryQuery().isPresent()
                && text(robot, "#orderTitle").equals("Order " + DemoStation.FIRST_ORDER));
        await(30, () -> text(robot, "#ledgerStatus").startsWith("Ledger: Online") && entries(robot) > 0);
        long before = entries(robot);

        JsonNode scenarios = new ObjectMapper().readTree(dirs.demo().resolve("scenarios.json").toFile()).get("scenarios");
        List<String> packs = new ArrayList<>();
        scenarios.forEach(s -> {
            if (s.get("id").asText().startsWith("demo-0001-")) {
                packs.add(s.get("scan").asText());
            }
        });
        for (String pack : packs) {
            scan(robot, pack);
            await(30, () -> text(robot, "#bannerTitle").equals("OK to pack"));
        }
        await(10, () -> text(robot, "#prompt").startsWith("Every line is complete"));
        robot.type(KeyCode.F12);
        await(10, () -> text(robot, "#bannerTitle").equals("Order " + DemoStation.FIRST_ORDER + " sealed"));

        // Published to the demo node, and back in the station's verified ledger in the next checkpoint.
        await(30, () -> entries(robot) == before + packs.size()
                && text(robot, "#publishStatus").equals("Ledger statements: All statements published"));
        assertThat(text(robot, "#ledgerStatus")).startsWith("Ledger: Online");
        assertThat(robot.lookup("#publishStatus").queryLabeled().getTooltip().getText()).isEmpty();
    }
}
