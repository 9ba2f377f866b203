package dev.packguard.app.gui.operators;

import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorRoster;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sign-in pick-list of a screen (packing, returns): the roster's names, narrowed by what the
 * operator types, shown only while the screen waits for a sign-in and only when the station has
 * a roster. Without one, badges alone sign in and there is nothing to pick. FX thread only.
 */
public final class OperatorChoices {
    private final OperatorRoster roster;
    private final ObservableList<Operator> shown = FXCollections.observableArrayList();
    // Kept as long as we live: a read-only wrapper holds its source's listener weakly.
    private final ObservableList<Operator> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper("");

    public OperatorChoices(OperatorRoster roster) {
        this.roster = Objects.requireNonNull(roster, "roster");
        filter("");
    }

    /** The screen's stage changed: the list shows while {@code signingIn}, when there is a roster, from its full list. */
    public void signingIn(boolean signingIn) {
        boolean show = signingIn && roster.configured();
        if (show && !visible.get()) {
            filter("");
        }
        visible.set(show);
    }

    /** Narrows the list to the names matching {@code typed} ({@link OperatorRoster#matching}). */
    public void filter(String typed) {
        shown.setAll(roster.matching(typed));
        empty.set(roster.problem().orElse(roster.pickList().isEmpty()
                ? "No operators are registered at this station. Ask the pharmacist in charge to add you with \""
                        + OperatorRoster.HOW_TO_ADD + "\"."
                : "No name matches \"" + typed.strip() + "\"."));
    }

    /** The names to pick from (read-only). */
    public ObservableList<Operator> shown() {
        return shownView;
    }

    /** True while the list is on screen. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** What the list says when it has no names: no roster entries, an unusable roster, or no match. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return empty.getReadOnlyProperty();
    }
}
