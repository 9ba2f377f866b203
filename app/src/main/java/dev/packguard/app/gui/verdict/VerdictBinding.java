package dev.packguard.app.gui.verdict;

import dev.packguard.app.gui.custody.CustodyTimeline;
import dev.packguard.app.station.packing.UnitVerdict;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Draws a {@link BannerModel} and a {@link LedgerLine} on a verdict screen's controls (the
 * {@code banner}, {@code ledger-line} and {@code level-*} classes of verdict.css). FX thread.
 */
public final class VerdictBinding {
    private VerdictBinding() {
    }

    /** The controls a banner is drawn on. */
    public record BannerNodes(Node banner, Label mark, Label title, Label reasons, Label product, CustodyTimeline custody) {
    }

    /** Keeps {@code nodes} showing {@code model} from now on. */
    public static void bind(BannerModel model, BannerNodes nodes) {
        nodes.title().textProperty().bind(model.titleProperty());
        nodes.reasons().textProperty().bind(model.reasonsProperty());
        nodes.product().textProperty().bind(model.productProperty());
        showLevel(nodes.banner(), model.levelProperty().get());
        nodes.mark().setText(model.levelProperty().get().mark());
        model.levelProperty().addListener((obs, old, now) -> {
            showLevel(nodes.banner(), now);
            nodes.mark().setText(now.mark());
        });
        nodes.custody().show(model.custodySteps());
        model.custodySteps().addListener((ListChangeListener<UnitVerdict.CustodyStep>) c ->
                nodes.custody().show(model.custodySteps()));
    }

    /** Keeps {@code label} showing {@code line}, its words and its level. */
    public static void bind(LedgerLine line, Label label) {
        label.textProperty().bind(line.textProperty());
        showLevel(label, line.levelProperty().get());
        line.levelProperty().addListener((obs, old, now) -> showLevel(label, now));
    }

    /** Gives {@code node} the style class of {@code level} ({@code level-pass}, …) in place of any other. */
    public static void showLevel(Node node, Banner level) {
        node.getStyleClass().removeIf(c -> c.startsWith("level-"));
        node.getStyleClass().add("level-" + level.name().toLowerCase(Locale.ROOT));
    }
}
