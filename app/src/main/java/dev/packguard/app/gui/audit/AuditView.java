package dev.packguard.app.gui.audit;

import dev.packguard.app.station.audit.AuditKind;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/**
 * Controller of the audit log screen (F7): binds to {@link AuditViewModel}; reloads the records
 * each time the screen is put on show. Keyboard: Tab through the filters, Enter applies,
 * Page Up / Page Down on the table turn pages at its ends via the Newer/Older buttons.
 */
public final class AuditView {
    private static final String ALL_KINDS = "All kinds";
    private final AuditViewModel viewModel;

    @FXML
    private BorderPane root;
    @FXML
    private ComboBox<String> kind;
    @FXML
    private TextField operator;
    @FXML
    private TextField text;
    @FXML
    private DatePicker from;
    @FXML
    private DatePicker to;
    @FXML
    private Button applyButton;
    @FXML
    private Label chain;
    @FXML
    private Label pageInfo;
    @FXML
    private Label message;
    @FXML
    private TableView<AuditViewModel.Row> table;
    @FXML
    private Button newerButton;
    @FXML
    private Button olderButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button checkButton;

    /** The audit log screen for the shell: F7, takes no scans. */
    public static dev.packguard.app.gui.main.MainView.Screen screen(AuditViewModel viewModel) {
        return new dev.packguard.app.gui.main.MainView.Screen("audit", "Audit log", javafx.scene.input.KeyCode.F7,
                dev.packguard.app.gui.ViewLoader.load(AuditView.class, type -> new AuditView(viewModel)), Optional.empty());
    }

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        kind.getItems().add(ALL_KINDS);
        for (AuditKind k : AuditKind.values()) {
            kind.getItems().add(k.name());
        }
        kind.getSelectionModel().select(ALL_KINDS);
        column("#", r -> r.seq(), 70);
        column("Time (UTC)", AuditViewModel.Row::time, 160);
        column("Operator", AuditViewModel.Row::operator, 120);
        column("Kind", AuditViewModel.Row::kind, 120);
        column("Subject", AuditViewModel.Row::subject, 220);
        column("Detail", AuditViewModel.Row::detail, 420);
        column("Checkpoint", AuditViewModel.Row::checkpoint, 220);
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("No records match."));
        chain.textProperty().bind(viewModel.chainProperty());
        pageInfo.textProperty().bind(viewModel.pageInfoProperty());
        message.textProperty().bind(viewModel.messageProperty());
        newerButton.disableProperty().bind(viewModel.newerEnabledProperty().not());
        olderButton.disableProperty().bind(viewModel.olderEnabledProperty().not());
        showChain(viewModel.chainIntactProperty().get());
        viewModel.chainIntactProperty().addListener((obs, old, ok) -> showChain(ok));
        applyButton.setOnAction(e -> apply());
        operator.setOnAction(e -> apply());
        text.setOnAction(e -> apply());
        newerButton.setOnAction(e -> viewModel.newer());
        olderButton.setOnAction(e -> viewModel.older());
        exportButton.setOnAction(e -> viewModel.export());
        checkButton.setOnAction(e -> viewModel.checkChain());
        // Put on show by the shell (its parent is set): fresh records.
        root.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null) {
                apply();
            }
        });
    }

    private void apply() {
        String k = kind.getValue();
        viewModel.apply(k == null || k.equals(ALL_KINDS) ? Optional.empty() : Optional.of(AuditKind.valueOf(k)),
                operator.getText(), text.getText(), Optional.ofNullable(from.getValue()), Optional.ofNullable(to.getValue()));
    }

    private <T> void column(String title, Function<AuditViewModel.Row, T> value, double width) {
        TableColumn<AuditViewModel.Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        table.getColumns().add(c);
    }

    private void showChain(boolean intact) {
        chain.getStyleClass().removeIf(c -> c.startsWith("level-"));
        chain.getStyleClass().add(intact ? "level-pass" : "level-fail");
    }
}
