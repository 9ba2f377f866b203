package dev.packguard.app.gui.verdict;

import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.scanner.ProductIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The verdict banner of a verdict screen (packing, returns): its level, title, reasons, product
 * line and the chain of custody drawn under it, with the sound that goes with a warning. FX
 * thread only. The screens' view models say what to show; {@link VerdictBinding} draws it.
 */
public final class BannerModel {
    /** What the custody timeline under the banner follows. */
    public enum Timeline {
        /** The last verdict: any message without custody steps clears it (packing). */
        LAST_VERDICT,
        /** The pack on the bench: only {@link #custody} changes it, when the pack comes or goes (returns). */
        PACK_ON_BENCH
    }

    /** What the operator does with a pack that must not go on: said the same way on every screen. */
    public static final String QUARANTINE_INSTRUCTION =
            "Put this pack in the QUARANTINE bin, then scan the bin label or press F9.";

    private final Sounds sounds;
    private final Timeline timeline;
    private final ReadOnlyObjectWrapper<Banner> level = new ReadOnlyObjectWrapper<>(Banner.IDLE);
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyStringWrapper reasons = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper product = new ReadOnlyStringWrapper("");
    private final ObservableList<UnitVerdict.CustodyStep> custody = FXCollections.observableArrayList();
    // One read-only wrapper kept for as long as we live: it holds its source's listener weakly.
    private final ObservableList<UnitVerdict.CustodyStep> custodyView = FXCollections.unmodifiableObservableList(custody);

    /** An idle banner titled {@code idleTitle}; warnings play on {@code sounds}. */
    public BannerModel(String idleTitle, Sounds sounds, Timeline timeline) {
        this.title = new ReadOnlyStringWrapper(Objects.requireNonNull(idleTitle, "idleTitle"));
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
    }

    /** Shows a verdict with the unit's chain of custody, oldest step first. No sound: the caller picks it. */
    public void show(Banner at, String heading, String text, String details, List<UnitVerdict.CustodyStep> steps) {
        level.set(at);
        title.set(heading);
        reasons.set(text);
        product.set(details);
        custody.setAll(steps);
    }

    /** Shows a message; under {@link Timeline#LAST_VERDICT} it clears the custody timeline. No sound. */
    public void show(Banner at, String heading, String text, String details) {
        if (timeline == Timeline.LAST_VERDICT) {
            show(at, heading, text, details, List.of());
            return;
        }
        level.set(at);
        title.set(heading);
        reasons.set(text);
        product.set(details);
    }

    /** Something the operator must notice and act on (nothing was counted): the attention sound and banner. */
    public void attention(String heading, String text) {
        sounds.play(Sounds.Cue.ATTENTION);
        show(Banner.ATTENTION, heading, text, "");
    }

    /** The workflow has stopped ({@code why}); only the pharmacist in charge can go on. */
    public void halted(String why) {
        sounds.play(Sounds.Cue.ATTENTION);
        show(Banner.HALTED, "WORK STOPPED", why, "");
    }

    /** Sets the custody timeline alone (the pack on the bench came or went). */
    public void custody(List<UnitVerdict.CustodyStep> steps) {
        custody.setAll(steps);
    }

    /** The product line under a verdict: {@code description} (if any), then GTIN, serial, lot and expiry as known. */
    public static String details(String description, ProductIdentifier unit) {
        StringBuilder sb = new StringBuilder(description.isEmpty() ? "" : description + "\n");
        sb.append("GTIN ").append(unit.gtin());
        unit.serial().ifPresent(s -> sb.append(" · serial ").append(s));
        unit.lot().ifPresent(l -> sb.append(" · lot ").append(l));
        unit.expiry().ifPresent(e -> sb.append(" · expires ").append(e));
        return sb.toString();
    }

    /** {@code items} as a bulleted list, one a line. */
    public static String bullets(List<String> items) {
        return String.join("\n", items.stream().map(s -> "\u2022 " + s).toList());
    }

    /** The text under a pass: the ledger's warning, the verdict's own warnings, then {@code closing}, one a line. */
    public static String passNotes(Optional<String> ledgerWarning, UnitVerdict.Pass verdict, String closing) {
        List<String> notes = new ArrayList<>();
        ledgerWarning.ifPresent(notes::add);
        verdict.warnings().forEach(w -> notes.add(w.message()));
        notes.add(closing);
        return String.join("\n", notes);
    }

    public ReadOnlyObjectProperty<Banner> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonsProperty() {
        return reasons.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty productProperty() {
        return product.getReadOnlyProperty();
    }

    /** The chain of custody under the banner, oldest first (read-only view; empty when none). */
    public ObservableList<UnitVerdict.CustodyStep> custodySteps() {
        return custodyView;
    }
}
