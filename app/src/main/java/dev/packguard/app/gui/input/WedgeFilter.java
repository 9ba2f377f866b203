package dev.packguard.app.gui.input;

import dev.packguard.app.station.input.BurstDetector;
import dev.packguard.app.station.input.WedgeEvent;
import dev.packguard.app.station.input.WedgeTiming;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Captures keyboard-wedge scans anywhere in a window. Installed as an event filter on the
 * scene, it sees every key before any control does and feeds a {@link BurstDetector}:
 * <ul>
 *   <li>outside text fields, character keys are held back (they mean nothing there), and a
 *       scan's Enter or Tab never reaches a focused button;</li>
 *   <li>in a text field, keys go through untouched, so people type normally; when a burst turns
 *       out to be a scan, the field is put back as it was before the burst began.</li>
 * </ul>
 * Completed scans go to {@code onScan} on the FX thread.
 */
public final class WedgeFilter implements EventHandler<KeyEvent> {
    private final BurstDetector detector;
    private final LongSupplier nanoClock;
    private final Consumer<String> onScan;
    private boolean swallowNextTerminatorChar;
    private TextInputControl field;
    private String fieldText;
    private int fieldCaret;

    /** A filter with {@code timing}, reading time from {@code nanoClock} (System::nanoTime in the app). */
    public WedgeFilter(WedgeTiming timing, LongSupplier nanoClock, Consumer<String> onScan) {
        this.detector = new BurstDetector(timing);
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.onScan = Objects.requireNonNull(onScan, "onScan");
    }

    /** Installs a filter on {@code scene} with the system's monotonic clock; returns it (to remove later). */
    public static WedgeFilter install(Scene scene, WedgeTiming timing, Consumer<String> onScan) {
        return install(scene, timing, System::nanoTime, onScan);
    }

    /** Installs a filter reading key times from {@code nanoClock} (tests pace keys with their own clock). */
    public static WedgeFilter install(Scene scene, WedgeTiming timing, LongSupplier nanoClock, Consumer<String> onScan) {
        WedgeFilter filter = new WedgeFilter(timing, nanoClock, onScan);
        scene.addEventFilter(KeyEvent.ANY, filter);
        return filter;
    }

    /** Removes this filter from {@code scene}. */
    public void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.ANY, this);
    }

    @Override
    public void handle(KeyEvent event) {
        if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            pressed(event);
        } else if (event.getEventType() == KeyEvent.KEY_TYPED) {
            typed(event);
        }
    }

    private void pressed(KeyEvent event) {
        boolean terminator = (event.getCode() == KeyCode.ENTER && detector.timing().enterEnds())
                || (event.getCode() == KeyCode.TAB && detector.timing().tabEnds());
        if (!terminator || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        WedgeEvent result = detector.terminator(nanoClock.getAsLong());
        if (result instanceof WedgeEvent.Scan scan) {
            event.consume();
            swallowNextTerminatorChar = true;
            restoreField();
            onScan.accept(scan.text());
        }
        field = null;
    }

    private void typed(KeyEvent event) {
        String ch = event.getCharacter();
        if (ch.length() != 1) {
            return;
        }
        char c = ch.charAt(0);
        if (c == '\r' || c == '\n' || c == '\t') {
            if (swallowNextTerminatorChar) {
                swallowNextTerminatorChar = false;
                event.consume();
            }
            return;
        }
        swallowNextTerminatorChar = false;
        boolean gs = c == '\u001d';
        if (!gs && (c < 0x20 || c == 0x7f || event.isShortcutDown() || event.isAltDown())) {
            return;
        }
        long now = nanoClock.getAsLong();
        Node focus = event.getTarget() instanceof Node n ? n : null;
        TextInputControl input = focus instanceof TextInputControl t && t.isEditable() ? t : null;
        if (detector.startsNewBurst(now)) {
            snapshot(input);
        }
        detector.character(c, now);
        if (input == null) {
            event.consume();
        }
    }

    private void snapshot(TextInputControl input) {
        field = input;
        if (input != null) {
            fieldText = input.getText();
            fieldCaret = input.getCaretPosition();
        }
    }

    private void restoreField() {
        if (field != null) {
            field.setText(fieldText);
            field.positionCaret(Math.min(fieldCaret, fieldText == null ? 0 : fieldText.length()));
        }
    }
}
