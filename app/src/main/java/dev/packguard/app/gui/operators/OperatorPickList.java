package dev.packguard.app.gui.operators;

import dev.packguard.app.station.operators.Operator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sign-in pick-list as drawn (used in FXML by the packing and returns screens): a field to
 * type part of a name, and the names. Keyboard only: type to narrow, Up/Down to choose, Enter to
 * sign in; a double click does too. A badge scanned meanwhile still signs in: the window's
 * keyboard-wedge filter takes the burst and puts the field back as it was. No logic of its own:
 * {@link OperatorChoices} holds the list.
 */
public final class OperatorPickList extends VBox {
    private final Label title = new Label("Sign in: pick your name (\u2191 \u2193 Enter; type to narrow) or scan "
            + "your badge");
    private final TextField filter = new TextField();
    private final ListView<Operator> list = new ListView<>();
    private final Label placeholder = new Label();
    private Consumer<Operator> onPick = o -> { };
    private Consumer<String> onTyped = t -> { };

    public OperatorPickList() {
        getStyleClass().add("operator-pick");
        getStylesheets().add(Objects.requireNonNull(OperatorPickList.class.getResource("OperatorPickList.css"),
                "OperatorPickList.css beside the class").toExternalForm());
        setSpacing(8);
        title.getStyleClass().add("pick-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap, never cut the instruction short
        filter.setId("operatorFilter");
        filter.setPromptText("Type part of your name");
        list.setId("operatorList");
        placeholder.setWrapText(true);
        placeholder.setId("operatorListEmpty");
        list.setPlaceholder(placeholder);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Operator o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? "" : o.name());
            }
        });
        // A modest preferred height, growing into free space: the list must not squeeze the panel's other lines.
        list.setPrefHeight(120);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().setAll(title, filter, list);
        setVisible(false);
        setManaged(false);
    }

    /**
     * Shows {@code choices}; picking one calls {@code pick}. Enter on text that matches no name
     * hands the text to {@code typed} as a badge id typed by hand (a badge too short for the wedge
     * filter to take as a scan arrives that way too). Call once, from the screen's controller.
     */
    public void attach(OperatorChoices choices, Consumer<Operator> pick, Consumer<String> typed) {
        this.onPick = Objects.requireNonNull(pick, "pick");
        this.onTyped = Objects.requireNonNull(typed, "typed");
        list.setItems(choices.shown());
        placeholder.textProperty().bind(choices.emptyTextProperty());
        visibleProperty().bind(choices.visibleProperty());
        managedProperty().bind(choices.visibleProperty());
        choices.shown().addListener((javafx.collections.ListChangeListener<Operator>) c -> selectFirst());
        filter.textProperty().addListener((obs, old, now) -> choices.filter(now));
        choices.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                filter.clear();
                Platform.runLater(filter::requestFocus); // once the list is laid out and can take the focus
            } else if (isFocusWithin() && getScene() != null) {
                // A hidden field keeping the focus would take keys meant for the screen (Enter would pick again).
                getScene().getRoot().requestFocus();
            }
        });
        // Up/Down move through the names while the caret stays in the field, so typing and choosing mix.
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });
        filter.setOnAction(e -> {
            if (!isVisible()) {
                return;
            }
            if (list.getSelectionModel().getSelectedItem() == null && !filter.getText().isBlank()) {
                String text = filter.getText().strip();
                filter.clear();
                onTyped.accept(text);
            } else {
                pickSelected();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pickSelected();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pickSelected();
            }
        });
        selectFirst();
        if (choices.visibleProperty().get()) {
            Platform.runLater(filter::requestFocus);
        }
    }

    private void selectFirst() {
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    private void pickSelected() {
        if (!isVisible()) {
            return;
        }
        Optional.ofNullable(list.getSelectionModel().getSelectedItem()).ifPresent(onPick);
    }
}
