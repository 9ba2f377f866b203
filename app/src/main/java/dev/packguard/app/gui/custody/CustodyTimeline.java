package dev.packguard.app.gui.custody;

import dev.packguard.app.station.packing.UnitVerdict;
import java.net.URL;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A unit's chain of custody drawn as a timeline (DESIGN.md "The station": readable from a metre,
 * colour and shape and words): one box per step, oldest left, arrows between, wrapping onto the
 * next row when the chain is longer than the width. Each box shows the role as a letter badge
 * and a word, the party, what it did, the date, its GLN and log entry, and a mark: "✔ verified"
 * or "✖ NOT VERIFIED" with the reason, on a dashed border. Any screen that shows a verdict can
 * use it: {@link #show(List)} on the FX thread.
 */
public final class CustodyTimeline extends Region {
    static final String VERIFIED = "\u2714 verified";
    static final String NOT_VERIFIED = "\u2716 NOT VERIFIED";
    static final String ARROW = "\u2192";

    private final FlowPane flow = new FlowPane(Orientation.HORIZONTAL, 10, 12);
    private DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private List<UnitVerdict.CustodyStep> steps = List.of();

    /** An empty timeline; dates in UTC until {@link #setZone} says otherwise. */
    public CustodyTimeline() {
        getStyleClass().add("custody-timeline");
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.setRowValignment(javafx.geometry.VPos.CENTER);
        getChildren().add(flow);
        URL css = CustodyTimeline.class.getResource("CustodyTimeline.css");
        if (css == null) {
            throw new IllegalStateException("CustodyTimeline.css is missing beside " + CustodyTimeline.class.getName());
        }
        getStylesheets().add(css.toExternalForm());
        setAccessibleRole(AccessibleRole.LIST_VIEW);
    }

    /** Dates are shown in {@code zone} (the station's), from the next {@link #show} on. */
    public void setZone(ZoneId zone) {
        day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(Objects.requireNonNull(zone, "zone"));
        show(steps);
    }

    /** Draws {@code chain}, oldest first; an empty chain draws nothing. */
    public void show(List<UnitVerdict.CustodyStep> chain) {
        steps = List.copyOf(chain);
        flow.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                Label arrow = new Label(ARROW);
                arrow.getStyleClass().add("custody-arrow");
                flow.getChildren().add(arrow);
            }
            flow.getChildren().add(box(i, steps.get(i)));
        }
    }

    /** The steps on show. */
    public List<UnitVerdict.CustodyStep> steps() {
        return steps;
    }

    private VBox box(int position, UnitVerdict.CustodyStep s) {
        Label badge = new Label(s.role().map(UnitVerdict.PartyRole::letter).orElse("?"));
        badge.getStyleClass().add("custody-badge");
        Label role = label(s.role().map(UnitVerdict.PartyRole::label).orElse("Unregistered party"), "custody-role");
        HBox head = new HBox(8, badge, role);
        head.setAlignment(Pos.CENTER_LEFT);
        // The name gets the box's whole width: long company names wrap at spaces, not inside words.
        Label party = label(s.party(), "custody-party");
        Label action = label(s.step(), "custody-action");
        Label date = label(day.format(s.time()), "custody-date");
        String ref = s.gln().map(g -> "GLN " + g).orElse("")
                + (s.gln().isPresent() && s.index().isPresent() ? " \u00B7 " : "")
                + (s.index().isPresent() ? "entry " + s.index().getAsLong() : "");
        Label mark = label(s.verified() ? VERIFIED : NOT_VERIFIED, "custody-mark");
        VBox box = new VBox(3, head, party, action, date);
        if (!ref.isEmpty()) {
            box.getChildren().add(label(ref, "custody-ref"));
        }
        box.getChildren().add(mark);
        if (!s.verified() && !s.note().isEmpty()) {
            box.getChildren().add(label(s.note(), "custody-note"));
        }
        box.getStyleClass().addAll("custody-step", s.verified() ? "verified" : "untrusted");
        box.setId("custody-step-" + position);
        box.setAccessibleRole(AccessibleRole.LIST_ITEM);
        box.setAccessibleText(s.party() + ", " + s.step() + ", " + day.format(s.time()) + ", "
                + (s.verified() ? "verified" : "not verified" + (s.note().isEmpty() ? "" : ": " + s.note())));
        return box;
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        flow.resizeRelocate(left, top, getWidth() - left - snappedRightInset(), getHeight() - top - snappedBottomInset());
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL; // the height depends on how many rows the width allows
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + flow.prefWidth(height) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + flow.minWidth(height) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + flow.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
