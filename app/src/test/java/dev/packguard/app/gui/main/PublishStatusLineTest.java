package dev.packguard.app.gui.main;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static dev.packguard.app.station.packing.PackingFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.publish.Publisher;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar says how the station's own statements are publishing: waiting, refused, all sent. */
@ExtendWith(ApplicationExtension.class)
class PublishStatusLineTest {
    private MainViewModel viewModel;
    private PackingFixture f;

    @Start
    void start(Stage stage) {
        viewModel = new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(), Optional.empty(), Platform::runLater);
        StationApplication.show(stage, viewModel);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private Label line(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#publishStatus").queryAs(Label.class);
    }

    @Test
    void statusLine_showsWaitingStatementsAndTheirAge_thenARefusalInAlertColours(FxRobot robot) throws Exception {
        f = new PackingFixture(Files.createTempDirectory("publish-line"));
        assertThat(line(robot).isVisible()).isFalse();
        PackingSession s = f.session();
        s.signIn("tech-1");
        s.scan(PackingFixture.ORDER.id());
        s.scan(scan(IBUPROFEN, "S1"));
        s.scan(scan(IBUPROFEN, "S2"));
        s.scan(scan(AMOXICILLIN, "A1"));
        s.packAndSeal();
        f.clock.advance(Duration.ofHours(2));

        Outbox.Answer[] answer = {new Outbox.Answer.Failed("cannot reach the node at http://127.0.0.1:9/add")};
        Publisher p = Publisher.manual(f.outbox, bytes -> answer[0], f.settings.signing(), f.clock);
        robot.interact(() -> viewModel.watchPublishing(p, f.clock));
        p.publishNow();
        Label line = line(robot);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).isEqualTo("Ledger statements: 3 statements waiting to be published (oldest 2 h 0 min)");
        assertThat(line.getStyleClass()).contains("level-warn");
        assertThat(line.getTooltip().getText()).contains("cannot reach the node");

        answer[0] = new Outbox.Answer.Refused("HTTP 409: custody conflict: unit x: already dispensed (log index 7)");
        p.publishNow();
        line = line(robot);
        assertThat(line.getText()).isEqualTo("Ledger statements: None waiting · 3 statements REFUSED by "
                + "the ledger: pharmacist must act");
        assertThat(line.getStyleClass()).contains("level-alert").doesNotContain("level-warn");
        assertThat(line.getTooltip().getText()).startsWith("Refused: HTTP 409: custody conflict");
    }
}
