package dev.packguard.app.gui.pharmacist;

import dev.packguard.app.gui.ViewLoader;
import dev.packguard.app.gui.main.MainView;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * Controller of the pharmacist screen (F11): undo of a dispense and the stale-ledger override,
 * operable by keyboard alone (Tab between fields, Enter in the reason field submits). The PIN
 * fields are cleared as soon as their content is handed on.
 */
public final class PharmacistView {
    private final PharmacistViewModel viewModel;

    @FXML
    private VBox root;
    @FXML
    private ListView<PharmacistViewModel.UndoRow> undoList;
    @FXML
    private TextField undoPharmacist;
    @FXML
    private PasswordField undoPin;
    @FXML
    private TextField undoReason;
    @FXML
    private Button undoButton;
    @FXML
    private Label undoResult;
    @FXML
    private Label overrideState;
    @FXML
    private TextField overridePharmacist;
    @FXML
    private PasswordField overridePin;
    @FXML
    private TextField overrideReason;
    @FXML
    private Button overrideButton;
    @FXML
    private Label overrideResult;

    /** The pharmacist screen for the shell: F11, takes no scans. */
    public static MainView.Screen screen(PharmacistViewModel viewModel) {
        return new MainView.Screen("pharmacist", "Pharmacist", KeyCode.F11,
                ViewLoader.load(PharmacistView.class, type -> new PharmacistView(viewModel)), Optional.empty());
    }

    public PharmacistView(PharmacistViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        undoList.setItems(viewModel.undoable());
        undoList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PharmacistViewModel.UndoRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? "" : row.text());
            }
        });
        undoList.setPlaceholder(new Label("No order sealed here within the undo window."));
        undoResult.textProperty().bind(viewModel.undoResultProperty());
        overrideState.textProperty().bind(viewModel.overrideStateProperty());
        overrideResult.textProperty().bind(viewModel.overrideResultProperty());
        overrideButton.disableProperty().bind(viewModel.overrideAllowedProperty().not());
        level(undoResult, viewModel.undoLevelProperty().get());
        viewModel.undoLevelProperty().addListener((obs, old, now) -> level(undoResult, now));
        level(overrideResult, viewModel.overrideLevelProperty().get());
        viewModel.overrideLevelProperty().addListener((obs, old, now) -> level(overrideResult, now));
        undoButton.setOnAction(e -> undo());
        undoReason.setOnAction(e -> undo());
        overrideButton.setOnAction(e -> override());
        overrideReason.setOnAction(e -> {
            if (!overrideButton.isDisabled()) {
                override();
            }
        });
        root.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null) {
                viewModel.reload();
            }
        });
    }

    private void undo() {
        char[] pin = undoPin.getText().toCharArray();
        undoPin.clear();
        viewModel.undo(Optional.ofNullable(undoList.getSelectionModel().getSelectedItem()), undoPharmacist.getText(), pin,
                undoReason.getText());
    }

    private void override() {
        char[] pin = overridePin.getText().toCharArray();
        overridePin.clear();
        viewModel.requestOverride(overridePharmacist.getText(), pin, overrideReason.getText());
    }

    private static void level(Node node, PharmacistViewModel.Level level) {
        node.getStyleClass().removeIf(c -> c.startsWith("level-"));
        node.getStyleClass().add("level-" + level.name().toLowerCase(Locale.ROOT));
    }
}
