package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.app.demo.DemoStation;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * The settings screen of a station started for the first time (no station.json in the per-user
 * folder): what the person setting it up sees when a field is wrong, when the configuration is
 * saved, and when they open the demo instead.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
    private Stage stage;
    private final StationApplication app = new StationApplication();
    private DataDirectories dirs;

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

    private void openFirstStart(FxRobot robot) {
        dirs = DataDirectories.of(DataDirectories.OperatingSystem.LINUX, Map.of(), home);
        robot.interact(() -> app.openWindow(stage, dirs, Optional.empty(), false));
        // The settings screen comes once the worker has read the configuration (or made the folders).
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#notice").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the settings screen did not appear", e);
        }
    }

    private static void type(FxRobot robot, String field, String value) {
        robot.interact(() -> robot.lookup("#field-" + field).queryAs(TextField.class).setText(value));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void await(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        // The condition is read off the FX thread; let the update that made it true finish.
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fillRequired(FxRobot robot, String url, String policy) {
        type(robot, "station-name", "Packing 9");
        type(robot, "station-pharmacyName", "Test Apotheke");
        type(robot, "station-pharmacyGln", "4012345000009");
        type(robot, "ledger-url", url);
        type(robot, "ledger-policy", policy);
    }

    @Test
    void save_badFields_showEachMessageBesideItsField_andWriteNothing(FxRobot robot) throws Exception {
        openFirstStart(robot);
        fillRequired(robot, "ftp://ledger.example/", "missing-policy.txt");
        type(robot, "ledger-blockAfterHours", "2");
        type(robot, "station-signingKey", "keys/none.pem");

        robot.clickOn("#save");
        await(10, () -> !text(robot, "#error-ledger-url").isEmpty());

        assertThat(text(robot, "#error-ledger-url"))
                .isEqualTo("ledger.url: \"ftp://ledger.example/\" is not an http:// or https:// URL with a host");
        assertThat(text(robot, "#error-ledger-blockAfterHours")).startsWith("ledger.blockAfterHours: (2) must not be below");
        assertThat(robot.lookup("#error-station-pharmacyGln").queryAs(Label.class).isVisible()).isFalse();
        assertThat(text(robot, "#status")).startsWith("Not saved.");
        assertThat(dirs.stationConfig()).doesNotExist();

        // With the form valid, the named files are checked next, each problem beside its field.
        type(robot, "ledger-url", "http://127.0.0.1:1/log/");
        type(robot, "ledger-blockAfterHours", "24");
        robot.clickOn("#save");
        await(10, () -> !text(robot, "#error-ledger-policy").isEmpty());
        assertThat(text(robot, "#error-ledger-policy")).startsWith("ledger.policy: cannot read").contains("missing-policy.txt");
        assertThat(text(robot, "#error-station-signingKey")).startsWith("station.signingKey: cannot read");
        assertThat(text(robot, "#error-ledger-url")).isEmpty();
        assertThat(dirs.stationConfig()).doesNotExist();
        try (Stream<Path> files = Files.list(dirs.config())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void save_validConfiguration_writesStationJson_andTheStationStartsOnIt(FxRobot robot) throws Exception {
        SignedTestLog log = new SignedTestLog("settings.example/log", 1, Clock.systemUTC());
        log.append(40, "s").writeTo(home.resolve("www"));
        openFirstStart(robot);
        Files.writeString(dirs.config().resolve("policy.txt"), log.policy(1));
        try (StaticDirServer server = new StaticDirServer(home.resolve("www"))) {
            fillRequired(robot, server.base().toString(), "policy.txt");

            robot.clickOn("#save");
            await(20, () -> text(robot, "#configuration").equals("Packing 9 · Test Apotheke"));

            ConfigResult saved = StationConfigParser.read(dirs.stationConfig());
            assertThat(saved).isInstanceOf(ConfigResult.Valid.class);
            StationConfig config = ((ConfigResult.Valid) saved).config();
            assertThat(config.ledger().mirror()).isEqualTo(dirs.mirror());
            assertThat(Files.readString(dirs.stationConfig())).contains("\"policy\": \"policy.txt\"");
            try (Stream<Path> files = Files.list(dirs.config())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
            await(20, () -> text(robot, "#ledgerStatus").startsWith("Ledger: Online · 40 entries"));
            await(20, () -> robot.lookup("#tab-packing").tryQuery().isPresent());
            assertThat(robot.lookup("#tab-settings").tryQuery()).isPresent();
            assertThat(robot.lookup("#prompt").queryLabeled().getText()).isEqualTo("Scan your badge to sign in.");
            assertThat(dirs.mirror()).exists();
        }
    }

    @Test
    void openTheDemo_createsTheWorld_andReachesPackingWithTheFirstOrderOpen(FxRobot robot) throws Exception {
        app.demoUnits = 200;
        openFirstStart(robot);

        robot.clickOn("#openDemo");
        await(120, () -> robot.lookup("#orderTitle").tryQuery().isPresent()
                && text(robot, "#orderTitle").equals("Order " + DemoStation.FIRST_ORDER));

        assertThat(text(robot, "#bannerTitle")).isEqualTo("Demo ready");
        assertThat(text(robot, "#reasons")).contains("demo operator DEMO-OPERATOR", "order DEMO-0001 is open");
        // The demo world's roster names the demo operator (docs/DEMO.md).
        assertThat(text(robot, "#operator")).isEqualTo("Operator: " + dev.packguard.node.demo.DemoOperators.DEMO_NAME
                + " (" + DemoStation.OPERATOR + ")");
        assertThat(dirs.demo().resolve("scenarios.json")).exists();

        // The first pack of the order scanned is verified against the served demo ledger at once.
        await(30, () -> text(robot, "#ledgerStatus").startsWith("Ledger: Online"));
        JsonNode scenarios = new ObjectMapper().readTree(dirs.demo().resolve("scenarios.json").toFile()).get("scenarios");
        String scan = Stream.iterate(0, i -> i + 1).limit(scenarios.size()).map(scenarios::get)
                .filter(s -> s.get("id").asText().startsWith("demo-0001-") && s.get("verdict").asText().equals("PASS"))
                .findFirst().orElseThrow().get("scan").asText();
        robot.interact(() -> {
            TextField manual = robot.lookup("#manualEntry").queryAs(TextField.class);
            manual.setText(scan);
            manual.fireEvent(new javafx.event.ActionEvent());
        });
        await(30, () -> text(robot, "#bannerTitle").equals("OK to pack"));

        FxStop.stop(app);
        try (AuditLog audit = AuditLog.open(dirs.demo().resolve("audit.db"), Clock.systemUTC())) {
            assertThat(audit.records()).anySatisfy(r -> {
                assertThat(r.entry().kind()).isEqualTo(AuditKind.OPERATOR);
                assertThat(r.entry().operator()).isEqualTo(DemoStation.OPERATOR);
                assertThat(r.entry().detail()).startsWith("demo sign-in");
            });
        }
    }
}
