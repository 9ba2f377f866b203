package dev.packguard.app.gui.settings;

import dev.packguard.app.config.ConfigField;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * Controller of the settings screen: one row per {@link ConfigField} (label, editor, a
 * "Browse…" button for files, the field's problem below it), bound to
 * {@link SettingsViewModel}. Node ids follow the field's path with dots as dashes:
 * {@code #field-ledger-url}, {@code #error-ledger-url}, {@code #browse-ledger-policy}.
 */
public final class SettingsView {
    private final SettingsViewModel viewModel;

    @FXML
    private Label notice;
    @FXML
    private GridPane form;
    @FXML
    private Button save;
    @FXML
    private Button openDemo;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label status;
    @FXML
    private Label target;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** The node id part for {@code field}: its path with dots as dashes. */
    public static String id(ConfigField field) {
        return field.path().replace('.', '-');
    }

    @FXML
    private void initialize() {
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        status.textProperty().bind(viewModel.statusProperty());
        target.setText("File: " + viewModel.target());
        progress.visibleProperty().bind(viewModel.busyProperty());
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save());
        openDemo.visibleProperty().bind(viewModel.demoOfferedProperty());
        openDemo.managedProperty().bind(openDemo.visibleProperty());
        openDemo.disableProperty().bind(viewModel.busyProperty());
        openDemo.setOnAction(e -> viewModel.openDemo());
        int row = 0;
        for (ConfigField f : ConfigField.values()) {
            Label name = new Label(f.label());
            name.getStyleClass().add("field-name");
            Label path = new Label(f.path());
            path.getStyleClass().add("field-path");
            form.add(name, 0, row);
            form.add(editor(f), 1, row);
            form.add(path, 2, row);
            Label error = new Label();
            error.setId("error-" + id(f));
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            Label mark = new Label("\u26A0");
            mark.getStyleClass().add("field-error-mark");
            error.setGraphic(mark);
            error.textProperty().bind(viewModel.errorProperty(f));
            error.visibleProperty().bind(viewModel.errorProperty(f).isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            form.add(error, 1, row + 1, 2, 1);
            row += 2;
        }
    }

    private javafx.scene.Node editor(ConfigField f) {
        if (f.kind() == ConfigField.Kind.BOOLEAN) {
            CheckBox box = new CheckBox("on");
            box.setId("field-" + id(f));
            box.setSelected(Boolean.parseBoolean(viewModel.valueProperty(f).get()));
            box.selectedProperty().addListener((obs, was, on) -> viewModel.valueProperty(f).set(Boolean.toString(on)));
            return box;
        }
        TextField text = new TextField();
        text.setId("field-" + id(f));
        text.textProperty().bindBidirectional(viewModel.valueProperty(f));
        if (f.kind() == ConfigField.Kind.NUMBER) {
            text.setPrefColumnCount(8);
        }
        if (f.kind() != ConfigField.Kind.FILE && f.kind() != ConfigField.Kind.NEW_FILE) {
            return text;
        }
        Button browse = new Button("Browse\u2026");
        browse.setId("browse-" + id(f));
        browse.setOnAction(e -> choose(f, text));
        HBox row = new HBox(6, text, browse);
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    // A path inside the configuration's folder is kept relative, as the file format prefers.
    private void choose(ConfigField f, TextField text) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(f.label() + " (" + f.path() + ")");
        Path folder = viewModel.target().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File chosen = f.kind() == ConfigField.Kind.NEW_FILE ? chooser.showSaveDialog(text.getScene().getWindow())
                : chooser.showOpenDialog(text.getScene().getWindow());
        if (chosen == null) {
            return;
        }
        Path p = chosen.toPath().toAbsolutePath().normalize();
        text.setText(folder != null && p.startsWith(folder) ? folder.relativize(p).toString() : p.toString());
    }
}
