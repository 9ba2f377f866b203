package dev.packguard.app.station.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Writes the whole audit log as {@code audit-<UTC time>.csv} and {@code .json} into a folder,
 * with the chain check at the time of export, for the pharmacist in charge or an auditor.
 * Blocking: call off the FX thread.
 */
public final class AuditExporter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final AuditLog log;
    private final Path folder;
    private final Clock clock;

    /** What an export wrote, and how the chain checked when it was written. */
    public record Exported(Path csv, Path json, AuditCheck check) {
        public Exported {
            Objects.requireNonNull(csv, "csv");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(check, "check");
        }
    }

    public AuditExporter(AuditLog log, Path folder, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks the chain and writes both files (each atomically). A tampered log is exported too, with its check. */
    public Exported export() throws AuditException, IOException {
        AuditCheck check = log.check();
        List<AuditRecord> records = log.records();
        Files.createDirectories(folder);
        String base = "audit-" + STAMP.format(clock.instant());
        Path csv = write(base + ".csv", AuditExport.toCsv(records));
        Path json = write(base + ".json", AuditExport.toJson(records));
        return new Exported(csv, json, check);
    }

    private Path write(String name, String text) throws IOException {
        Path target = folder.resolve(name);
        Path tmp = Files.createTempFile(folder, name, ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
