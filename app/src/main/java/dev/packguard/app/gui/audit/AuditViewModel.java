package dev.packguard.app.gui.audit;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.station.audit.AuditCheck;
import dev.packguard.app.station.audit.AuditException;
import dev.packguard.app.station.audit.AuditExporter;
import dev.packguard.app.station.audit.AuditFilter;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.audit.AuditRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit log screen (docs/AUDIT.md "Viewing the log"): one page of records at a time, newest
 * first, filtered in SQL by kind, operator, text and UTC date range, so a log of 100,000 records
 * is never loaded whole; the chain's state (intact, or tampered at record N); export of the
 * whole log. Every query runs on {@code executor}; results touch the properties on the FX thread.
 */
public final class AuditViewModel {
    /** Records per page. */
    public static final int PAGE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One record as the table shows it. */
    public record Row(long seq, String time, String operator, String kind, String subject, String detail,
            String checkpoint) {
    }

    private final AuditLog log;
    private final AuditExporter exporter;
    private final TaskExecutor executor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper chain = new ReadOnlyStringWrapper("Chain not checked yet");
    private final ReadOnlyBooleanWrapper chainIntact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper pageInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper olderEnabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper newerEnabled = new ReadOnlyBooleanWrapper(false);
    // Keyset paging: the seq each shown page starts below; the top is the page on show.
    private final Deque<Long> pageStarts = new ArrayDeque<>();
    private AuditFilter filter = AuditFilter.all();
    private long total;
    private boolean checked;

    public AuditViewModel(AuditLog log, AuditExporter exporter, TaskExecutor executor) {
        this.log = Objects.requireNonNull(log, "log");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Shows the newest page for the filter made of these parts (blank texts mean "any"), and
     * checks the chain. A date range that ends before it starts is refused with a message.
     */
    public void apply(Optional<AuditKind> kind, String operator, String text, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            message.set("The date range ends (" + to.get() + ") before it starts (" + from.get() + ").");
            return;
        }
        filter = new AuditFilter(kind, Optional.ofNullable(operator), Optional.ofNullable(text), from, to);
        refresh();
    }

    /**
     * Reloads the first page with the current filter (when the screen is shown); checks the chain
     * the first time only: a walk of 100,000 records takes seconds and holds the log, which
     * packing is writing to.
     */
    public void refresh() {
        pageStarts.clear();
        pageStarts.push(Long.MAX_VALUE);
        load(!checked);
        checked = true;
    }

    /** Walks the whole chain again and shows its state ("Check chain"). */
    public void checkChain() {
        chain.set("Checking the chain…");
        executor.run(() -> {
            try {
                return new Checked(Optional.of(log.check()), "");
            } catch (AuditException | RuntimeException e) {
                return new Checked(Optional.empty(), e.getMessage());
            }
        }, c -> {
            c.check().ifPresentOrElse(this::showCheck, () -> message.set("The audit log cannot be read: " + c.problem()));
        });
    }

    private record Checked(Optional<AuditCheck> check, String problem) {
    }

    /** The next, older page. */
    public void older() {
        if (!olderEnabled.get() || rows.isEmpty()) {
            return;
        }
        pageStarts.push(rows.get(rows.size() - 1).seq());
        load(false);
    }

    /** The previous, newer page. */
    public void newer() {
        if (pageStarts.size() < 2) {
            return;
        }
        pageStarts.pop();
        load(false);
    }

    private record Loaded(long total, List<AuditRecord> page, boolean more, Optional<AuditCheck> check,
            Optional<String> problem) {
    }

    private void load(boolean check) {
        AuditFilter f = filter;
        long before = pageStarts.peek();
        int pagesBefore = pageStarts.size() - 1;
        executor.run(() -> {
            try {
                List<AuditRecord> page = log.page(f, before, PAGE + 1);
                boolean more = page.size() > PAGE;
                return new Loaded(log.count(f), more ? page.subList(0, PAGE) : page, more,
                        check ? Optional.of(log.check()) : Optional.empty(), Optional.empty());
            } catch (AuditException | RuntimeException e) {
                return new Loaded(0, List.of(), false, Optional.empty(), Optional.of(e.getMessage()));
            }
        }, r -> {
            if (r.problem().isPresent()) {
                message.set("The audit log cannot be read: " + r.problem().get());
                return;
            }
            total = r.total();
            rows.setAll(r.page().stream().map(AuditViewModel::row).toList());
            olderEnabled.set(r.more());
            newerEnabled.set(pagesBefore > 0);
            long first = (long) pagesBefore * PAGE + 1;
            pageInfo.set(r.page().isEmpty() ? "No records match." : String.format("Records %,d–%,d of %,d, newest first",
                    first, first + r.page().size() - 1, total));
            r.check().ifPresent(this::showCheck);
            message.set("");
        });
    }

    private void showCheck(AuditCheck c) {
        if (c instanceof AuditCheck.Intact i) {
            chainIntact.set(true);
            chain.set(String.format("\u2714 Chain intact: %,d records, head %s…", i.records(), i.headHex().substring(0, 16)));
        } else {
            chainIntact.set(false);
            chain.set("\u2716 TAMPERED: " + ((AuditCheck.Tampered) c).describe());
        }
    }

    /** Writes the whole log as CSV and JSON into {@code exports/} (F10 on the packing screen does the same). */
    public void export() {
        record Result(Optional<AuditExporter.Exported> exported, String problem) {
        }
        executor.run(() -> {
            try {
                return new Result(Optional.of(exporter.export()), "");
            } catch (AuditException | java.io.IOException | RuntimeException e) {
                return new Result(Optional.empty(), e.getMessage());
            }
        }, r -> {
            if (r.exported().isEmpty()) {
                message.set("Export failed: " + r.problem());
                return;
            }
            showCheck(r.exported().get().check());
            message.set("Exported the whole log: " + r.exported().get().csv() + " and " + r.exported().get().json());
        });
    }

    private static Row row(AuditRecord r) {
        return new Row(r.seq(), TIME.format(r.time()), r.entry().operator(), r.entry().kind().name(), r.entry().subject(),
                r.entry().detail(), r.entry().checkpoint().map(c -> String.format("%s #%,d", c.origin(), c.size())).orElse(""));
    }

    /** The records on show (read-only). */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chainIntactProperty() {
        return chainIntact.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageInfoProperty() {
        return pageInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty olderEnabledProperty() {
        return olderEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty newerEnabledProperty() {
        return newerEnabled.getReadOnlyProperty();
    }
}
