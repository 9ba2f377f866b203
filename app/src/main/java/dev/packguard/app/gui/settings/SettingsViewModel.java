package dev.packguard.app.gui.settings;

import dev.packguard.app.config.ConfigDraft;
import dev.packguard.app.config.ConfigError;
import dev.packguard.app.config.ConfigField;
import dev.packguard.app.config.ConfigFiles;
import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.app.config.StationConfigWriter;
import dev.packguard.app.gui.TaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen's state and actions (docs/CONFIGURATION.md, "Settings screen"): one
 * editable text per {@link ConfigField}, and beside each the problem found with it. "Save"
 * validates the form with {@link StationConfigParser} and checks the files it names
 * ({@link ConfigFiles}); only when nothing is wrong is the file written, atomically
 * ({@link StationConfigWriter}), and the station restarted on it. On a first start it also
 * offers the demo. File work runs on {@code executor}; results arrive on the FX thread.
 */
public final class SettingsViewModel {
    /** What the settings screen asks of the station around it. */
    public interface Station {
        /**
         * Creates the demo world if missing and serves its ledger on 127.0.0.1; returns its
         * station configuration. Blocking, called on the worker thread; {@code progress} takes
         * one sentence per step, from that thread.
         */
        Path openDemo(Consumer<String> progress) throws IOException;

        /** Restarts the station on {@code config} (FX thread); {@code demo} opens it ready to pack. */
        void switchTo(Path config, boolean demo);
    }

    private final Path target;
    private final TaskExecutor executor;
    private final Executor fxThread;
    private final Station station;
    private final Map<ConfigField, StringProperty> values = new EnumMap<>(ConfigField.class);
    private final Map<ConfigField, ReadOnlyStringWrapper> errors = new EnumMap<>(ConfigField.class);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper demoOffered;

    /**
     * A form showing {@code draft}, saved to {@code target}.
     *
     * @param notice shown above the form: a welcome on first start, or why the configuration
     *               in use does not work
     * @param offerDemo whether "Open the demo" is offered (a station not set up yet)
     */
    public SettingsViewModel(ConfigDraft draft, Path target, String notice, boolean offerDemo, TaskExecutor executor,
            Executor fxThread, Station station) {
        this.target = target.toAbsolutePath().normalize();
        this.executor = Objects.requireNonNull(executor, "executor");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.station = Objects.requireNonNull(station, "station");
        this.notice.set(notice);
        this.demoOffered = new ReadOnlyBooleanWrapper(offerDemo);
        for (ConfigField f : ConfigField.values()) {
            values.put(f, new SimpleStringProperty(draft.get(f)));
            errors.put(f, new ReadOnlyStringWrapper(""));
        }
    }

    /** The text of {@code field} as edited. */
    public StringProperty valueProperty(ConfigField field) {
        return values.get(field);
    }

    /** What is wrong with {@code field}, naming it ("ledger.url: ..."); empty when nothing is. */
    public ReadOnlyStringProperty errorProperty(ConfigField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The outcome of the last action, or the step of one in progress. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a save or the demo is being prepared: the buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoOfferedProperty() {
        return demoOffered.getReadOnlyProperty();
    }

    /** The file "Save" writes. */
    public Path target() {
        return target;
    }

    /** The form as it stands. */
    public ConfigDraft draft() {
        EnumMap<ConfigField, String> v = new EnumMap<>(ConfigField.class);
        values.forEach((f, p) -> v.put(f, Objects.requireNonNullElse(p.get(), "")));
        return new ConfigDraft(v);
    }

    /**
     * Shows every problem of the form beside its field without writing anything (used when the
     * configuration in use was refused, so the person sees at once what to mend).
     */
    public void check() {
        ConfigDraft draft = draft();
        run("Checking ...", () -> problems(draft), found -> {
            show(found);
            status.set(found.isEmpty() ? "" : summary(found));
        });
    }

    /** Validates the form and the files it names; writes the file and restarts the station only when all is well. */
    public void save() {
        ConfigDraft draft = draft();
        run("Checking and saving ...", () -> {
            List<ConfigError> found = problems(draft);
            return found.isEmpty() ? StationConfigWriter.write(draft, target) : new StationConfigWriter.Refused(found);
        }, outcome -> {
            if (outcome instanceof StationConfigWriter.Refused r) {
                show(r.errors());
                status.set("Not saved. " + summary(r.errors()));
            } else if (outcome instanceof StationConfigWriter.Failed f) {
                show(List.of());
                status.set("Not saved. " + f.problem());
            } else {
                show(List.of());
                StationConfigWriter.Written w = (StationConfigWriter.Written) outcome;
                status.set("Saved to " + w.file() + ". The station restarts on it.");
                station.switchTo(w.file(), false);
            }
        });
    }

    /** "Open the demo": what {@code packguard demo} does, then the station opens on the demo world. */
    public void openDemo() {
        record Opened(Optional<Path> config, String problem) {
        }
        if (!busy.get()) {
            show(List.of()); // the form's problems are not the demo's
        }
        run("Preparing the demo ...", () -> {
            try {
                return new Opened(Optional.of(station.openDemo(step -> fxThread.execute(() -> status.set(step)))), "");
            } catch (IOException | RuntimeException e) {
                return new Opened(Optional.empty(), e.getMessage());
            }
        }, opened -> {
            if (opened.config().isEmpty()) {
                status.set("The demo could not be opened: " + opened.problem());
                return;
            }
            status.set("Opening the station on the demo world ...");
            station.switchTo(opened.config().get(), true);
        });
    }

    private <T> void run(String step, java.util.function.Supplier<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set(step);
        executor.run(work, result -> {
            busy.set(false);
            done.accept(result);
        });
    }

    // Worker thread: the parser's verdict on the text that would be written, then the files it names.
    private List<ConfigError> problems(ConfigDraft draft) {
        ConfigResult parsed = StationConfigParser.parse(StationConfigWriter.json(draft), target);
        if (parsed instanceof ConfigResult.Invalid bad) {
            return bad.errors();
        }
        return ConfigFiles.check(((ConfigResult.Valid) parsed).config());
    }

    private void show(List<ConfigError> found) {
        errors.values().forEach(e -> e.set(""));
        for (ConfigError e : found) {
            ConfigField.byPath(e.field()).ifPresent(f -> {
                String before = errors.get(f).get();
                errors.get(f).set(before.isEmpty() ? e.toString() : before + "\n" + e);
            });
        }
    }

    private static String summary(List<ConfigError> found) {
        List<String> lines = new ArrayList<>();
        lines.add(found.size() == 1 ? "1 problem, shown beside its field." : found.size() + " problems, each shown beside its field.");
        // Problems no field of the form owns (the file as a whole, an unknown setting) are listed here.
        found.stream().filter(e -> ConfigField.byPath(e.field()).isEmpty()).forEach(e -> lines.add(e.toString()));
        return String.join("\n", lines);
    }
}
