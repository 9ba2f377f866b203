package dev.packguard.app.gui.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.input.WedgeTiming;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The robot "types" through the real JavaFX event path. Its bursts are slower than a scanner's
 * on a loaded headless machine, so the gap allowed here is wider than the station's default;
 * people are played by pausing well beyond it.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeFilterTest {
    private static final WedgeTiming TIMING = new WedgeTiming(Duration.ofMillis(250), 8, true, true);
    private final List<String> scans = new CopyOnWriteArrayList<>();
    private final AtomicInteger buttonFired = new AtomicInteger();
    private TextField field;
    private Button button;

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("note");
        button = new Button("Pack & seal");
        button.setOnAction(e -> buttonFired.incrementAndGet());
        Scene scene = new Scene(new VBox(field, button), 400, 200);
        WedgeFilter.install(scene, TIMING, scans::add);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void burstOutsideATextField_becomesAScanAndItsEnterPressesNoButton(FxRobot robot) {
        robot.interact(button::requestFocus);
        robot.write("04012345000016\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scans).containsExactly("04012345000016");
        assertThat(buttonFired).hasValue(0);
    }

    @Test
    void slowTypingInATextField_isLeftAlone_andABurstThereIsTakenBackOut(FxRobot robot) {
        robot.interact(field::requestFocus);
        for (char c : "lot".toCharArray()) {
            robot.write(String.valueOf(c), 0);
            robot.sleep(400);
        }
        assertThat(field.getText()).isEqualTo("lot");
        assertThat(scans).isEmpty();

        robot.write("0401234500001621ABC\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scans).containsExactly("0401234500001621ABC");
        assertThat(field.getText()).isEqualTo("lot");
    }

    @Test
    void shortBurstWithEnter_isNotAScan_andEnterStillWorks(FxRobot robot) {
        robot.interact(button::requestFocus);
        robot.write("12\n", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scans).isEmpty();
        assertThat(buttonFired).hasValue(1);
    }
}
