package dev.packguard.app.gui.returns;

import dev.packguard.app.gui.verdict.VerdictBinding;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Controller of the returns screen: binds to {@link ReturnsViewModel} and turns keys into its
 * actions (F1 sign out, F2 manual entry, F3 seal intact, F4 seal broken, F9 quarantine, F12 return to stock).
 * Function keys, not letters, answer the seal question: a scan arriving mid-question types
 * letters and must not answer it. The keys are live only while the screen is shown. No logic of its own.
 */
public final class ReturnsView {
    private final ReturnsViewModel viewModel;
    private final javafx.event.EventHandler<KeyEvent> functionKeys = this::functionKeys;

    @FXML
    private BorderPane root;
    @FXML
    private Label returnsPrompt;
    @FXML
    private Label returnsLedgerLine;
    @FXML
    private HBox returnsBanner;
    @FXML
    private Label returnsBannerMark;
    @FXML
    private Label returnsBannerTitle;
    @FXML
    private Label returnsReasons;
    @FXML
    private Label returnsProduct;
    @FXML
    private VBox sealQuestion;
    @FXML
    private Button sealIntactButton;
    @FXML
    private Button sealBrokenButton;
    @FXML
    private Label returnsOperator;
    @FXML
    private Label returnsTally;
    @FXML
    private TextField returnsManualEntry;
    @FXML
    private Button returnsQuarantineButton;
    @FXML
    private Button stockButton;
    @FXML
    private Button returnsSignOutButton;
    @FXML
    private dev.packguard.app.gui.operators.OperatorPickList returnsOperatorPick;
    @FXML
    private dev.packguard.app.gui.custody.CustodyTimeline returnsCustody;

    public ReturnsView(ReturnsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        returnsPrompt.textProperty().bind(viewModel.promptProperty());
        VerdictBinding.bind(viewModel.ledgerLine(), returnsLedgerLine);
        VerdictBinding.bind(viewModel.banner(), new VerdictBinding.BannerNodes(returnsBanner, returnsBannerMark,
                returnsBannerTitle, returnsReasons, returnsProduct, returnsCustody));
        returnsOperator.textProperty().bind(viewModel.operatorProperty());
        returnsTally.textProperty().bind(viewModel.tallyProperty());
        sealQuestion.visibleProperty().bind(viewModel.sealQuestionProperty());
        sealQuestion.managedProperty().bind(viewModel.sealQuestionProperty());
        sealIntactButton.disableProperty().bind(viewModel.sealQuestionProperty().not());
        sealBrokenButton.disableProperty().bind(viewModel.sealQuestionProperty().not());
        stockButton.disableProperty().bind(viewModel.stockEnabledProperty().not());
        returnsQuarantineButton.disableProperty().bind(viewModel.quarantineEnabledProperty().not());

        returnsManualEntry.setOnAction(e -> {
            String text = returnsManualEntry.getText();
            returnsManualEntry.clear();
            if (!text.isBlank()) {
                viewModel.scan(text);
            }
        });
        sealIntactButton.setOnAction(e -> viewModel.sealCheck(true));
        sealBrokenButton.setOnAction(e -> viewModel.sealCheck(false));
        stockButton.setOnAction(e -> viewModel.returnToStock());
        returnsQuarantineButton.setOnAction(e -> viewModel.confirmQuarantine());
        returnsSignOutButton.setOnAction(e -> viewModel.signOut());
        returnsSignOutButton.disableProperty().bind(viewModel.signedInProperty().not());
        returnsOperatorPick.attach(viewModel.operatorChoices(), viewModel::pickOperator, viewModel::scan);

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, functionKeys);
            }
            if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, functionKeys);
                viewModel.refresh(); // someone may have signed in at packing meanwhile
            }
        });
    }

    private void functionKeys(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.F3).match(e) && !sealIntactButton.isDisabled()) {
            viewModel.sealCheck(true);
        } else if (new KeyCodeCombination(KeyCode.F4).match(e) && !sealBrokenButton.isDisabled()) {
            viewModel.sealCheck(false);
        } else if (new KeyCodeCombination(KeyCode.F12).match(e) && !stockButton.isDisabled()) {
            viewModel.returnToStock();
        } else if (new KeyCodeCombination(KeyCode.F9).match(e) && !returnsQuarantineButton.isDisabled()) {
            viewModel.confirmQuarantine();
        } else if (new KeyCodeCombination(KeyCode.F2).match(e)) {
            returnsManualEntry.requestFocus();
        } else if (new KeyCodeCombination(KeyCode.F1).match(e) && !returnsSignOutButton.isDisabled()) {
            viewModel.signOut();
        } else {
            return;
        }
        e.consume();
    }
}
