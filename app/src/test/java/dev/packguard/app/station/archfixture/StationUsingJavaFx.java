package dev.packguard.app.station.archfixture;

import javafx.beans.property.SimpleStringProperty;

/** A deliberate layering violation (a station workflow using JavaFX) that the architecture test must catch. */
public final class StationUsingJavaFx {
    public SimpleStringProperty verdict() {
        return new SimpleStringProperty("workflows must not do this");
    }
}
