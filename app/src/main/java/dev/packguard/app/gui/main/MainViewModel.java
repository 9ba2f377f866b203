package dev.packguard.app.gui.main;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the station shell: what the header, work area and status bar show. Holds all the
 * logic; {@link MainView} only binds to these read-only properties.
 */
public final class MainViewModel {
    private final ReadOnlyStringWrapper ledgerStatus = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper workAreaHint = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper configuration = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("No operator signed in");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper();

    /** A shell for PackGuard {@code version}, configured by {@code config} when present. */
    public MainViewModel(String version, Optional<Path> config) {
        Objects.requireNonNull(config, "config");
        this.version.set("PackGuard " + Objects.requireNonNull(version, "version"));
        if (config.isPresent()) {
            configuration.set("Configuration: " + config.get());
            ledgerStatus.set("Ledger: not synchronised");
            workAreaHint.set("Scan a pack or open an order to begin.");
        } else {
            configuration.set("No station configuration");
            ledgerStatus.set("Ledger: not configured");
            workAreaHint.set("No station configuration. Start with --config FILE, or run ./packguard demo.");
        }
    }

    public ReadOnlyStringProperty ledgerStatusProperty() {
        return ledgerStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workAreaHintProperty() {
        return workAreaHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
