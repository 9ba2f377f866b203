package dev.packguard.app.gui.custody;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.UnitVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The custody timeline as an operator sees it (headless, ADR 0001): words, marks, badges, wrapping. */
@ExtendWith(ApplicationExtension.class)
public class CustodyTimelineTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private CustodyTimeline timeline;

    @Start
    void start(Stage stage) {
        timeline = new CustodyTimeline();
        timeline.setId("timeline");
        StackPane root = new StackPane(timeline);
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
    }

    /**
     * What a timeline found by {@code query} shows, left to right then row by row: per step box
     * "party | action | date | mark", and each arrow as itself.
     */
    public static List<String> shown(FxRobot robot, String query) {
        CustodyTimeline t = robot.lookup(query).queryAs(CustodyTimeline.class);
        List<String> out = new ArrayList<>();
        for (Node n : ((Parent) t.getChildrenUnmodifiable().get(0)).getChildrenUnmodifiable()) {
            if (n instanceof Label arrow) {
                out.add(arrow.getText());
            } else {
                out.add(text(n, ".custody-party") + " | " + text(n, ".custody-action") + " | " + text(n, ".custody-date")
                        + " | " + text(n, ".custody-mark"));
            }
        }
        return out;
    }

    private static String text(Node box, String selector) {
        return box.lookupAll(selector).stream().map(l -> ((Label) l).getText()).collect(Collectors.joining(","));
    }

    static UnitVerdict.CustodyStep step(String party, UnitVerdict.PartyRole role, String what, int day, boolean verified,
            String note) {
        return new UnitVerdict.CustodyStep(party, what, T0.plusSeconds(86_400L * day), verified, Optional.of("4012345000016"),
                Optional.of(role), OptionalLong.of(4 + day), note);
    }

    private void show(FxRobot robot, List<UnitVerdict.CustodyStep> steps) {
        robot.interact(() -> timeline.show(steps));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void show_verifiedAndForgedSteps_marksEachWithShapeAndWords(FxRobot robot) {
        show(robot, List.of(
                step("Acme Pharma GmbH", UnitVerdict.PartyRole.MANUFACTURER, "commissioned", 0, true, ""),
                step("Nordgross Pharmahandel", UnitVerdict.PartyRole.WHOLESALER, "received from Acme Pharma GmbH", 1, true, ""),
                step("Apotheke am Markt Versand", UnitVerdict.PartyRole.PHARMACY, "dispensed", 2, false,
                        "the signature does not match: forged or altered")));

        assertThat(shown(robot, "#timeline")).containsExactly(
                "Acme Pharma GmbH | commissioned | 2026-03-02 | \u2714 verified", "\u2192",
                "Nordgross Pharmahandel | received from Acme Pharma GmbH | 2026-03-03 | \u2714 verified", "\u2192",
                "Apotheke am Markt Versand | dispensed | 2026-03-04 | \u2716 NOT VERIFIED");
        Node forged = robot.lookup("#custody-step-2").query();
        assertThat(forged.getStyleClass()).contains("untrusted").doesNotContain("verified");
        assertThat(text(forged, ".custody-note")).isEqualTo("the signature does not match: forged or altered");
        assertThat(text(forged, ".custody-badge")).isEqualTo("P");
        assertThat(text(forged, ".custody-role")).isEqualTo("Pharmacy");
        assertThat(text(forged, ".custody-ref")).isEqualTo("GLN 4012345000016 \u00B7 entry 6");
        Node first = robot.lookup("#custody-step-0").query();
        assertThat(first.getStyleClass()).contains("verified");
        assertThat(text(first, ".custody-badge")).isEqualTo("M");
        assertThat(first.lookupAll(".custody-note")).isEmpty();
    }

    @Test
    void show_longChain_wrapsOntoASecondRowInsideTheWidth(FxRobot robot) {
        List<UnitVerdict.CustodyStep> steps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            steps.add(step("Party " + i, UnitVerdict.PartyRole.WHOLESALER, "shipped", i, true, ""));
        }
        show(robot, steps);

        List<Bounds> boxes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            VBox box = robot.lookup("#custody-step-" + i).queryAs(VBox.class);
            boxes.add(box.localToScene(box.getBoundsInLocal()));
        }
        assertThat(boxes).allSatisfy(b -> assertThat(b.getMaxX()).isLessThanOrEqualTo(900));
        assertThat(boxes.get(0).getMinY()).isLessThan(boxes.get(5).getMinY());
        assertThat(boxes.get(1).getMinX()).isGreaterThan(boxes.get(0).getMaxX()); // left to right within a row
    }

    @Test
    void show_emptyChain_drawsNothing(FxRobot robot) {
        show(robot, List.of(step("Acme Pharma GmbH", UnitVerdict.PartyRole.MANUFACTURER, "commissioned", 0, true, "")));
        show(robot, List.of());
        assertThat(shown(robot, "#timeline")).isEmpty();
    }
}
