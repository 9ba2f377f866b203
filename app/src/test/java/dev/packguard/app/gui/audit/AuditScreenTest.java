package dev.packguard.app.gui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.packing.PackingFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the pharmacist in charge sees on the audit log screen (F7), on a real audit log file. */
@ExtendWith(ApplicationExtension.class)
class AuditScreenTest {
    private Stage stage;
    private Path dir;
    private AuditLog log;
    private MainView main;
    private final PackingFixture.MutableClock clock = new PackingFixture.MutableClock(PackingFixture.NOW);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (log != null) {
            log.close();
        }
    }

    private static Path template;

    // 250 records over two days: every 10th an UNDO by pharm-1, the rest scans by badge-17 / badge-18.
    // Written once (each append is a synced transaction) and copied for each test.
    @BeforeAll
    static void writeTemplate() throws Exception {
        template = Files.createTempDirectory("audit-template").resolve("audit.db");
        PackingFixture.MutableClock c = new PackingFixture.MutableClock(PackingFixture.NOW);
        try (AuditLog t = AuditLog.open(template, c)) {
            for (int i = 1; i <= 250; i++) {
                if (i == 126) {
                    c.advance(Duration.ofDays(1));
                }
                t.append(i % 10 == 0
                        ? new AuditEntry(AuditKind.UNDO, "pharm-1", "ORD-" + i, "undone, authorised by pharmacist pharm-1",
                                Optional.empty())
                        : new AuditEntry(AuditKind.SCAN, i % 2 == 0 ? "badge-17" : "badge-18", "unit-" + i,
                                "scanned for order ORD-" + i, Optional.empty()));
            }
        }
    }

    private void fill() throws Exception {
        dir = Files.createTempDirectory("audit-screen");
        Files.copy(template, dir.resolve("audit.db"));
        clock.advance(Duration.ofDays(1));
        log = AuditLog.open(dir.resolve("audit.db"), clock);
    }

    private void open(FxRobot robot) {
        robot.interact(() -> {
            main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            main.addScreen(AuditView.screen(new AuditViewModel(log, new AuditExporter(log, dir.resolve("exports"), clock),
                    TaskExecutor.sameThread())));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<AuditViewModel.Row> rows(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class).getItems();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void filter(FxRobot robot, Runnable set) {
        robot.interact(set);
        robot.interact(() -> robot.lookup("#applyButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void open_showsNewestFirst_inPages_withTheChainIntact(FxRobot robot) throws Exception {
        fill();
        open(robot);
        assertThat(text(robot, "#chain")).startsWith("\u2714 Chain intact: 250 records");
        assertThat(robot.lookup("#chain").queryAs(Label.class).getStyleClass()).contains("level-pass");
        assertThat(text(robot, "#pageInfo")).isEqualTo("Records 1–200 of 250, newest first");
        assertThat(rows(robot)).hasSize(200);
        assertThat(rows(robot).get(0)).isEqualTo(new AuditViewModel.Row(250, "2026-11-25 08:00:00", "pharm-1", "UNDO",
                "ORD-250", "undone, authorised by pharmacist pharm-1", ""));
        assertThat(robot.lookup("#newerButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#olderButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#pageInfo")).isEqualTo("Records 201–250 of 250, newest first");
        assertThat(rows(robot)).extracting(AuditViewModel.Row::seq).startsWith(50L, 49L).endsWith(1L);
        assertThat(robot.lookup("#olderButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#newerButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot).get(0).seq()).isEqualTo(250);
    }

    @Test
    void filters_byKindOperatorTextAndDay_showOnlyMatchingRecords(FxRobot robot) throws Exception {
        fill();
        open(robot);
        filter(robot, () -> robot.lookup("#kind").queryAs(ComboBox.class).getSelectionModel().select("UNDO"));
        assertThat(text(robot, "#pageInfo")).isEqualTo("Records 1–25 of 25, newest first");
        assertThat(rows(robot)).extracting(AuditViewModel.Row::kind).containsOnly("UNDO");

        filter(robot, () -> robot.lookup("#kind").queryAs(ComboBox.class).getSelectionModel().select("All kinds"));
        robot.clickOn("#operator").write("badge-18").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot)).hasSize(125).extracting(AuditViewModel.Row::operator).containsOnly("badge-18");

        filter(robot, () -> robot.lookup("#text").queryTextInputControl().setText("ord-13_"));
        assertThat(rows(robot)).isEmpty();
        assertThat(text(robot, "#pageInfo")).isEqualTo("No records match.");
        filter(robot, () -> robot.lookup("#text").queryTextInputControl().setText("ORD-13"));
        assertThat(rows(robot)).extracting(AuditViewModel.Row::subject).containsExactly("unit-139", "unit-137",
                "unit-135", "unit-133", "unit-131", "unit-13");

        filter(robot, () -> {
            robot.lookup("#operator").queryTextInputControl().setText("");
            robot.lookup("#text").queryTextInputControl().setText("");
            robot.lookup("#from").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 25));
        });
        assertThat(text(robot, "#pageInfo")).isEqualTo("Records 1–125 of 125, newest first");
        filter(robot, () -> robot.lookup("#to").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 24)));
        assertThat(text(robot, "#message")).isEqualTo("The date range ends (2026-11-24) before it starts (2026-11-25).");
    }

    @Test
    void tamperedLog_showsWhereTheChainBreaks(FxRobot robot) throws Exception {
        fill();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db")); var st = c.createStatement()) {
            st.executeUpdate("UPDATE audit SET detail = 'nothing happened' WHERE seq = 40");
        }
        open(robot);
        assertThat(text(robot, "#chain")).startsWith("\u2716 TAMPERED: The audit log has been altered at record 40");
        assertThat(robot.lookup("#chain").queryAs(Label.class).getStyleClass()).contains("level-fail");
    }

    @Test
    void checkChain_afterTheScreenWasOpened_findsTamperingDoneSince(FxRobot robot) throws Exception {
        fill();
        open(robot);
        assertThat(text(robot, "#chain")).startsWith("\u2714 Chain intact");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db")); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit WHERE seq = 7");
        }
        robot.interact(() -> robot.lookup("#checkButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#chain")).startsWith("\u2716 TAMPERED: The audit log has been altered at record 7");
    }

    @Test
    void export_writesBothFiles_andSaysWhere(FxRobot robot) throws Exception {
        fill();
        open(robot);
        robot.interact(() -> robot.lookup("#exportButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#message")).startsWith("Exported the whole log: ").contains(".csv", ".json");
        try (var files = Files.list(dir.resolve("exports"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "audit-20261125-080000.csv", "audit-20261125-080000.json");
        }
    }
}
