package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewLoaderTest {
    /** A controller class with no FXML or CSS beside it. */
    static final class OrphanView {
    }

    @Test
    void load_failsLoudlyNamingTheMissingFile() {
        assertThatThrownBy(() -> ViewLoader.load(OrphanView.class, type -> new OrphanView()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrphanView.fxml is missing");
    }
}
