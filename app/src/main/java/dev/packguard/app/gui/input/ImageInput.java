package dev.packguard.app.gui.input;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.station.input.ImageScans;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;

/**
 * Image files as a scan input (DESIGN.md "The station": image files, drag and drop): a PNG or
 * JPEG dropped anywhere on the window, or picked with "Open image…" (Ctrl+O), is decoded on the
 * worker thread; each code found goes to the screen on show as a scan, in reading order; a file
 * without a code, unreadable or too large gives a message naming it.
 */
public final class ImageInput {
    /** The key that opens the file dialog. */
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    private final TaskExecutor worker;
    private final Supplier<ImageScans> images;
    private final Consumer<String> scans;
    private final BiConsumer<String, Boolean> notices;
    private final Button openButton = new Button("Open image\u2026 (Ctrl+O)");
    private Scene scene;

    /**
     * @param worker runs the decoding off the FX thread, one file after another
     * @param images the reader, called on the worker thread only
     * @param scans where each code goes, on the FX thread (the shell's {@code scan})
     * @param notices where messages go, on the FX thread: text, and whether it needs attention
     */
    public ImageInput(TaskExecutor worker, Supplier<ImageScans> images, Consumer<String> scans,
            BiConsumer<String, Boolean> notices) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.images = Objects.requireNonNull(images, "images");
        this.scans = Objects.requireNonNull(scans, "scans");
        this.notices = Objects.requireNonNull(notices, "notices");
        openButton.setId("openImage");
        openButton.setFocusTraversable(false); // Enter from a wedge scan must never press it
        openButton.setOnAction(e -> choose());
    }

    /** Takes drops of files anywhere on {@code scene} and Ctrl+O in it. */
    public ImageInput install(Scene scene) {
        this.scene = Objects.requireNonNull(scene, "scene");
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (OPEN.match(e)) {
                choose();
                e.consume();
            }
        });
        return this;
    }

    /** The "Open image…" button, for the status bar. */
    public Button openButton() {
        return openButton;
    }

    /** Reads {@code files} one after another off the FX thread and hands on what each holds. Call on the FX thread. */
    public void open(List<Path> files) {
        for (Path file : files) {
            worker.run(() -> images.get().read(file), this::deliver);
        }
    }

    private void deliver(ImageScans.Result result) {
        if (result instanceof ImageScans.Found found) {
            found.scans().forEach(scans);
            notices.accept(ImageScans.message(result), false);
        } else {
            notices.accept(ImageScans.message(result), true);
        }
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image of a pack code");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images (PNG, JPEG, BMP, GIF)",
                ImageScans.EXTENSIONS.stream().sorted().map(x -> "*." + x).toList()));
        List<File> picked = chooser.showOpenMultipleDialog(scene == null ? null : scene.getWindow());
        if (picked != null) { // null: the dialog was cancelled
            open(picked.stream().map(File::toPath).toList());
        }
    }
}
