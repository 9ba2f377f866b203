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
    private Label workAreaHint;
    @FXML
    private Label configuration;
    @FXML
    private Label operator;
    @FXML
    private Label version;

    public MainView(MainViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        ledgerStatus.textProperty().bind(viewModel.ledgerStatusProperty());
        workAreaHint.textProperty().bind(viewModel.workAreaHintProperty());
        configuration.textProperty().bind(viewModel.configurationProperty());
        operator.textProperty().bind(viewModel.operatorProperty());
        version.textProperty().bind(viewModel.versionProperty());
    }
}
