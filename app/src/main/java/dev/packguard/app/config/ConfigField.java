package dev.packguard.app.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of a station configuration file, in the order docs/CONFIGURATION.md lists them,
 * with its JSON path (the name every {@link ConfigError} uses) and what kind of value it takes.
 * The settings screen shows one row per constant; {@link StationConfigWriter} writes them.
 */
public enum ConfigField {
    STATION_NAME("station.name", Kind.TEXT, "Station name"),
    PHARMACY_NAME("station.pharmacyName", Kind.TEXT, "Pharmacy name"),
    PHARMACY_GLN("station.pharmacyGln", Kind.TEXT, "Pharmacy GLN"),
    SIGNING_KEY("station.signingKey", Kind.FILE, "Signing key (PKCS#8 PEM)"),
    PHARMACISTS("station.pharmacists", Kind.FILE, "Pharmacists file"),
    OPERATORS("station.operators", Kind.FILE, "Operators roster"),
    LEDGER_URL("ledger.url", Kind.TEXT, "Ledger URL"),
    POLICY("ledger.policy", Kind.FILE, "Policy file"),
    MIRROR("ledger.mirror", Kind.NEW_FILE, "Mirror (SQLite file)"),
    TRUST_ANCHOR("ledger.trustAnchor", Kind.FILE, "Trust anchor (root certificate)"),
    TIMEOUT_SECONDS("ledger.timeoutSeconds", Kind.NUMBER, "Timeout per request (s)"),
    PARALLEL_DOWNLOADS("ledger.parallelDownloads", Kind.NUMBER, "Parallel downloads"),
    WARN_AFTER_HOURS("ledger.warnAfterHours", Kind.NUMBER, "Warn when ledger older than (h)"),
    BLOCK_AFTER_HOURS("ledger.blockAfterHours", Kind.NUMBER, "Block when ledger older than (h)"),
    MIN_SHELF_LIFE_DAYS("rules.minShelfLifeDays", Kind.NUMBER, "Minimum shelf life (days)"),
    RETURN_WINDOW_DAYS("rules.returnWindowDays", Kind.NUMBER, "Return window (days)"),
    UNDO_WINDOW_DAYS("rules.undoWindowDays", Kind.NUMBER, "Undo window (days)"),
    WEDGE_MAX_GAP_MILLIS("input.wedgeMaxGapMillis", Kind.NUMBER, "Wedge scanner max gap (ms)"),
    SERIAL_PORT("input.serialPort", Kind.TEXT, "Serial scanner port"),
    SERIAL_BAUD("input.serialBaud", Kind.NUMBER, "Serial scanner baud"),
    CAMERA("input.camera", Kind.TEXT, "Camera (off, auto or device)"),
    FFMPEG("input.ffmpeg", Kind.FILE, "ffmpeg (for the camera)"),
    SOUNDS("sounds", Kind.BOOLEAN, "Sounds");

    /** What a field holds, and so how it is edited and written. */
    public enum Kind {
        /** A JSON string. */
        TEXT,
        /** A path to an existing file, relative to the configuration's folder or absolute. */
        FILE,
        /** A path to a file the station creates when it is missing. */
        NEW_FILE,
        /** A whole number. */
        NUMBER,
        /** true or false. */
        BOOLEAN
    }

    private final String path;
    private final Kind kind;
    private final String label;

    ConfigField(String path, Kind kind, String label) {
        this.path = path;
        this.kind = kind;
        this.label = label;
    }

    /** The JSON path, e.g. {@code ledger.url}: the name {@link ConfigError#field()} uses. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** A short name for a form. */
    public String label() {
        return label;
    }

    /** The object the field sits in ({@code station}, {@code ledger}, ...), empty for top-level fields. */
    public Optional<String> section() {
        int dot = path.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(path.substring(0, dot));
    }

    /** The field's name inside its section. */
    public String key() {
        return path.substring(path.indexOf('.') + 1);
    }

    /** The field whose path is {@code path}, if any. */
    public static Optional<ConfigField> byPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }
}
