package dev.packguard.app.gui.packing;

import dev.packguard.app.gui.custody.CustodyTimeline;
import dev.packguard.app.gui.operators.OperatorPickList;
import dev.packguard.app.gui.verdict.VerdictBinding;
import dev.packguard.app.station.packing.Order;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Controller of the packing screen: binds to {@link PackingViewModel} and turns keys into its
 * actions (F1 sign out, F2 manual entry, F9 quarantine confirmed, F10 export the audit log, F12 pack &amp; seal). No
 * logic of its own.
 */
public final class PackingView {
    private final PackingViewModel viewModel;
    private final javafx.event.EventHandler<KeyEvent> functionKeys = this::functionKeys;

    @FXML
    private BorderPane root;
    @FXML
    private Label prompt;
    @FXML
    private Label ledgerLine;
    @FXML
    private HBox banner;
    @FXML
    private Label bannerMark;
    @FXML
    private Label bannerTitle;
    @FXML
    private Label reasons;
    @FXML
    private Label product;
    @FXML
    private CustodyTimeline custody;
    @FXML
    private Label orderTitle;
    @FXML
    private VBox lines;
    @FXML
    private ListView<Order> orderQueue;
    @FXML
    private TextField manualEntry;
    @FXML
    private Button quarantineButton;
    @FXML
    private Button sealButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button signOutButton;
    @FXML
    private OperatorPickList operatorPick;

    public PackingView(PackingViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        prompt.textProperty().bind(viewModel.promptProperty());
        VerdictBinding.bind(viewModel.ledgerLine(), ledgerLine);
        VerdictBinding.bind(viewModel.banner(), new VerdictBinding.BannerNodes(banner, bannerMark, bannerTitle, reasons,
                product, custody));
        orderTitle.textProperty().bind(viewModel.orderTitleProperty());
        sealButton.disableProperty().bind(viewModel.sealEnabledProperty().not());
        quarantineButton.disableProperty().bind(viewModel.quarantinePendingProperty().not());
        orderQueue.visibleProperty().bind(viewModel.pickingOrderProperty());
        orderQueue.managedProperty().bind(viewModel.pickingOrderProperty());
        orderQueue.setItems(viewModel.orders());
        orderQueue.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Order order, boolean empty) {
                super.updateItem(order, empty);
                setText(empty || order == null ? "" : order.id() + " · " + order.lines().size() + " lines");
            }
        });
        orderQueue.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && orderQueue.getSelectionModel().getSelectedItem() != null) {
                viewModel.openOrder(orderQueue.getSelectionModel().getSelectedItem());
            }
        });
        orderQueue.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && orderQueue.getSelectionModel().getSelectedItem() != null) {
                viewModel.openOrder(orderQueue.getSelectionModel().getSelectedItem());
            }
        });
        manualEntry.setOnAction(e -> {
            String text = manualEntry.getText();
            manualEntry.clear();
            if (!text.isBlank()) {
                viewModel.scan(text);
            }
        });
        quarantineButton.setOnAction(e -> viewModel.confirmQuarantine());
        sealButton.setOnAction(e -> viewModel.packAndSeal());
        exportButton.setOnAction(e -> viewModel.exportAudit());
        signOutButton.setOnAction(e -> viewModel.signOut());
        signOutButton.disableProperty().bind(viewModel.signedInProperty().not());
        operatorPick.attach(viewModel.operatorChoices(), viewModel::pickOperator, viewModel::scan);

        viewModel.lines().addListener((ListChangeListener<PackingViewModel.LineRow>) c -> drawLines());
        drawLines();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, functionKeys);
            }
            if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, functionKeys);
            }
        });
    }

    private void functionKeys(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.F9).match(e) && !quarantineButton.isDisabled()) {
            viewModel.confirmQuarantine();
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.F12).match(e) && !sealButton.isDisabled()) {
            viewModel.packAndSeal();
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.F10).match(e)) {
            viewModel.exportAudit();
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.F2).match(e)) {
            manualEntry.requestFocus();
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.F1).match(e) && !signOutButton.isDisabled()) {
            viewModel.signOut();
            e.consume();
        }
    }

    private void drawLines() {
        lines.getChildren().setAll(viewModel.lines().stream().map(l -> {
            Label row = new Label((l.complete() ? "\u2714 " : "\u25CB ") + l.packed() + " / " + l.quantity() + "   "
                    + l.description());
            row.getStyleClass().addAll("panel-line", "line-row");
            if (l.complete()) {
                row.getStyleClass().add("complete");
            }
            row.setId("line-" + l.gtin());
            row.setWrapText(true);
            return row;
        }).toList());
    }
}
