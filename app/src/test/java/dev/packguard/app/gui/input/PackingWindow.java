package dev.packguard.app.gui.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.StationApplication;
import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The station window with the packing screen on {@link PackingFixture}'s real files, an operator
 * signed in and order ORD-1001 open: where the input tests deliver their scans.
 */
final class PackingWindow implements AutoCloseable {
    final PackingFixture fixture;
    MainView main;

    private PackingWindow(PackingFixture fixture) {
        this.fixture = fixture;
    }

    static PackingWindow open(FxRobot robot, Stage stage, Path dir) throws Exception {
        PackingWindow w = new PackingWindow(new PackingFixture(dir));
        PackingFixture f = w.fixture;
        PackingSession session = PackingSession.start(f.parts);
        LedgerFeed feed = f.feed();
        robot.interact(() -> {
            w.main = StationApplication.show(stage, new MainViewModel("9.9.9-test", "Packing 1", Optional.empty(),
                    Optional.empty(), Platform::runLater));
            PackingViewModel vm = new PackingViewModel(session, feed, TaskExecutor.sameThread(), Sounds.off(),
                    () -> List.of(PackingFixture.ORDER), new AuditExporter(f.audit, f.dir.resolve("exports"), f.clock),
                    Platform::runLater);
            StationApplication.attachPacking(stage.getScene(), w.main, vm, WedgeTiming.defaults(), new KeyPace());
            w.main.scan("badge-17");
            w.main.scan("ORD-1001");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#orderTitle")).isEqualTo("Order ORD-1001");
        return w;
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Override
    public void close() throws Exception {
        fixture.close();
    }
}
