package dev.packguard.app.gui.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.input.WedgeTiming;
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
 * The robot "types" through the real JavaFX event path with the station's default timing; the
 * key times come from {@link KeyPace}, so a scanner's burst and a person's typing are told
 * apart the same way on a loaded build machine as at a packing bench.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeFilterTest {
    private final KeyPace pace = new KeyPace();
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
        WedgeFilter.install(scene, WedgeTiming.defaults(), pace, scans::add);
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
        pace.person();
        robot.write("lot", 0);
        assertThat(field.getText()).isEqualTo("lot");
        assertThat(scans).isEmpty();

        pace.scanner();
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
