package dev.packguard.app.gui.input;

import javafx.scene.control.Label;

/**
 * The status-bar line of a scanning input that keeps a device open (the serial scanner, the
 * camera): a tick and its message while it works, a warning sign and what is wrong while it
 * waits to try again. Shape and words, not only the colour of the {@code level-*} style.
 */
final class InputStatus {
    private InputStatus() {
    }

    /** Shows {@code message} on {@code label} as working ({@code ok}) or as a problem (FX thread). */
    static void show(Label label, boolean ok, String message) {
        label.setText((ok ? "\u2714 " : "\u26A0 ") + message);
        label.getStyleClass().removeIf(c -> c.startsWith("level-"));
        label.getStyleClass().add(ok ? "level-ok" : "level-attention");
    }
}
