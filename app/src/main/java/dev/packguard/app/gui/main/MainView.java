package dev.packguard.app.gui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * Controller of the station shell: binds labels to {@link MainViewModel}, holds the screens
 * (packing, returns, audit log, settings) with one function key each, and sends keyboard-wedge
 * scans to the screen on show.
 */
public final class MainView {
    /**
     * One screen of the station.
     *
     * @param id stable name, e.g. {@code packing}; tests look the tab up as {@code #tab-<id>}
     * @param title shown on its tab, followed by the key
     * @param key the function key that shows it from anywhere in the window
     * @param node the screen itself
     * @param scans where scans go while it is shown; empty for screens that take no scans
     */
    public record Screen(String id, String title, KeyCode key, Parent node, Optional<Consumer<String>> scans) {
        public Screen {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(scans, "scans");
        }
    }

    private final MainViewModel viewModel;
    private final List<Screen> screens = new ArrayList<>();
    private final ToggleGroup tabGroup = new ToggleGroup();
    private Optional<Screen> shown = Optional.empty();

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
    private Label publishStatus;
    @FXML
    private javafx.scene.layout.StackPane workArea;
    @FXML
    private HBox tabs;
    @FXML
    private Label inputNotice;
    @FXML
    private HBox inputs;

    public MainView(MainViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        ledgerStatus.textProperty().bind(viewModel.ledgerStatusProperty());
        ledgerDetail.textProperty().bind(viewModel.ledgerDetailProperty());
        ledgerDetail.visibleProperty().bind(ledgerDetail.textProperty().isNotEmpty());
        ledgerDetail.managedProperty().bind(ledgerDetail.visibleProperty());
        workAreaHint.textProperty().bind(viewModel.workAreaHintProperty());
        configuration.textProperty().bind(viewModel.configurationProperty());
        // The bar may cut it short; the whole text is one hover away.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(viewModel.configurationProperty());
        configuration.setTooltip(whole);
        operator.textProperty().bind(viewModel.operatorProperty());
        version.textProperty().bind(viewModel.versionProperty());
        bindPublishing();
        showLevel(viewModel.ledgerLevelProperty().get());
        viewModel.ledgerLevelProperty().addListener((obs, old, level) -> showLevel(level));
        tabs.managedProperty().bind(tabs.visibleProperty());
        tabs.setVisible(false);
        workArea.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::functionKey);
            }
        });
    }

    /**
     * Adds {@code screen} with its tab; the first screen added is shown. Adding a screen with an
     * id already present replaces it.
     */
    public void addScreen(Screen screen) {
        screens.removeIf(s -> s.id().equals(screen.id()));
        tabs.getChildren().removeIf(n -> ("tab-" + screen.id()).equals(n.getId()));
        screens.add(screen);
        ToggleButton tab = new ToggleButton(screen.title() + "  " + screen.key().getName());
        tab.setId("tab-" + screen.id());
        tab.getStyleClass().add("screen-tab");
        tab.setToggleGroup(tabGroup);
        tab.setFocusTraversable(false);
        tab.setOnAction(e -> select(screen.id()));
        // Tabs stand in the order of their keys, whichever screen was ready first.
        int at = 0;
        for (Screen s : screens) {
            if (s != screen && s.key().ordinal() < screen.key().ordinal()) {
                at++;
            }
        }
        tabs.getChildren().add(Math.min(at, tabs.getChildren().size()), tab);
        tabs.setVisible(screens.size() > 1);
        if (shown.isEmpty() || shown.get().id().equals(screen.id())) {
            select(screen.id());
        }
    }

    /** Shows the screen {@code id}; false when there is none. */
    public boolean select(String id) {
        Optional<Screen> next = screens.stream().filter(s -> s.id().equals(id)).findFirst();
        if (next.isEmpty()) {
            return false;
        }
        shown = next;
        workArea.getChildren().setAll(next.get().node());
        tabs.getChildren().forEach(n -> {
            if (n instanceof ToggleButton t) {
                t.setSelected(("tab-" + id).equals(t.getId()));
            }
        });
        return true;
    }

    /** The id of the screen on show, if any. */
    public Optional<String> shownScreen() {
        return shown.map(Screen::id);
    }

    /** Hands a keyboard-wedge or serial scan to the screen on show; dropped when it takes no scans. */
    public void scan(String text) {
        notice("", false); // a new scan makes an earlier input message stale
        shown.flatMap(Screen::scans).ifPresent(c -> c.accept(text));
    }

    private void functionKey(KeyEvent e) {
        for (Screen s : screens) {
            if (s.key() == e.getCode() && !e.isShortcutDown() && !e.isAltDown()) {
                select(s.id());
                e.consume();
                return;
            }
        }
    }

    /**
     * Shows a message about input (an image without a code, a scanner problem) above the screen
     * on show, whichever it is: {@code attention} with a warning mark, otherwise as information.
     * The empty string removes it.
     */
    public void notice(String text, boolean attention) {
        inputNotice.setText(text.isEmpty() ? "" : (attention ? "\u26A0 " : "\u2139 ") + text);
        inputNotice.getStyleClass().removeIf(c -> c.startsWith("level-"));
        inputNotice.getStyleClass().add(attention ? "level-attention" : "level-info");
        inputNotice.setVisible(!text.isEmpty());
        inputNotice.setManaged(!text.isEmpty());
    }

    /** Puts an input's control or status (open an image, a serial scanner's state) in the status bar. */
    public void addInput(javafx.scene.Node control) {
        inputs.getChildren().add(control);
    }

    /** Shows {@code text} (the signed-in operator of the packing screen) in the status bar. */
    public void bindOperator(javafx.beans.value.ObservableValue<String> text) {
        operator.textProperty().unbind();
        operator.textProperty().bind(text);
    }

    /** Puts {@code screen} (a message or a lone screen) in the work area in place of the hint, without a tab. */
    public void showWork(javafx.scene.Parent screen) {
        shown = Optional.empty();
        workArea.getChildren().setAll(screen);
    }

    // The outbox line: hidden until there is a publisher; the details (the node's reason) as its tooltip.
    private void bindPublishing() {
        publishStatus.textProperty().bind(viewModel.publishStatusProperty());
        publishStatus.managedProperty().bind(publishStatus.visibleProperty());
        publishStatus.visibleProperty().bind(viewModel.publishStatusProperty().isNotEmpty());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(viewModel.publishDetailProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        publishStatus.setTooltip(tip);
        viewModel.publishLevelProperty().addListener((obs, old, level) -> {
            publishStatus.getStyleClass().removeIf(c -> c.startsWith("level-"));
            publishStatus.getStyleClass().add("level-" + level.name().toLowerCase(java.util.Locale.ROOT));
        });
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
