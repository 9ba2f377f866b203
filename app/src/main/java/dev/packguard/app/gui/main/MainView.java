package dev.packguard.app.gui.main;

import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Controller of the station shell: binds labels to {@link MainViewModel}, nothing more. */
public final class MainView {
    private final MainViewModel viewModel;

    @FXML
    private Label ledgerStatus;
    @FXML
    private Label ledgerDetail;
    @FXML
    private Label workAreaHint;
    @FXML
    private Label configuration;
    @FXML
    private Label operator;
    @FXML
    private Label version;
    @FXML
    private javafx.scene.layout.StackPane workArea;

    public MainView(MainViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        ledgerStatus.textProperty().bind(viewModel.ledgerStatusProperty());
        ledgerDetail.textProperty().bind(viewModel.ledgerDetailProperty());
        workAreaHint.textProperty().bind(viewModel.workAreaHintProperty());
        configuration.textProperty().bind(viewModel.configurationProperty());
        operator.textProperty().bind(viewModel.operatorProperty());
        version.textProperty().bind(viewModel.versionProperty());
        showLevel(viewModel.ledgerLevelProperty().get());
        viewModel.ledgerLevelProperty().addListener((obs, old, level) -> showLevel(level));
    }

    /** Shows {@code text} (the signed-in operator of the packing screen) in the status bar. */
    public void bindOperator(javafx.beans.value.ObservableValue<String> text) {
        operator.textProperty().unbind();
        operator.textProperty().bind(text);
    }

    /** Puts {@code screen} (e.g. the packing screen) in the work area in place of the hint. */
    public void showWork(javafx.scene.Parent screen) {
        workArea.getChildren().setAll(screen);
    }

    /** Colour via a style class, and a shape that says the same thing without colour. */
    private void showLevel(MainViewModel.LedgerLevel level) {
        ledgerStatus.getStyleClass().removeIf(c -> c.startsWith("level-"));
        ledgerStatus.getStyleClass().add("level-" + level.name().toLowerCase(java.util.Locale.ROOT));
        ledgerStatus.setGraphic(null);
        ledgerStatus.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        String mark = switch (level) {
            case OK -> "\u2714";        // heavy check mark
            case WARN -> "\u26A0";      // warning sign
            case BLOCKED -> "\u25A0";   // black square: U+26D4 "no entry" is missing from common fonts
            case ALERT -> "\u2716";     // heavy multiplication x
            case NEUTRAL -> "\u25CB";   // white circle
        };
        Label icon = new Label(mark);
        icon.getStyleClass().add("level-mark");
        ledgerStatus.setGraphic(icon);
    }
}
