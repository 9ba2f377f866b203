package dev.packguard.scanner.archfixture;

import javafx.scene.control.Label;

/** A deliberate layering violation (scanner code using JavaFX) that the architecture test must catch. */
public final class ScannerUsingJavaFx {
    public Label label() {
        return new Label("scanner must not do this");
    }
}
