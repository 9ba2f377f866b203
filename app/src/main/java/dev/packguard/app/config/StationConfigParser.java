package dev.packguard.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonParser;
import dev.packguard.app.station.input.CameraSetting;
import dev.packguard.scanner.CheckDigits;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a station configuration file (JSON, format in docs/CONFIGURATION.md) and checks every
 * field, collecting all problems so the person editing the file can fix them in one go. Unknown
 * fields are errors too: a misspelt key must not silently fall back to a default.
 */
public final class StationConfigParser {
    /** The configuration format this version reads. */
    public static final int FORMAT = 1;
    private static final long MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<ConfigError> errors = new ArrayList<>();
    private final Path base;

    private StationConfigParser(Path base) {
        this.base = base;
    }

    /** Reads and validates {@code file}. Never throws for bad content; an unreadable file is an error too. */
    public static ConfigResult read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return invalid("(file)", file + " is larger than 1 MiB; this is not a station configuration");
            }
            return parse(Files.readString(file), file.toAbsolutePath());
        } catch (java.nio.charset.MalformedInputException e) {
            return invalid("(file)", file + " is not UTF-8 text");
        } catch (IOException e) {
            return invalid("(file)", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Validates configuration {@code text} as if read from {@code source}. */
    public static ConfigResult parse(String text, Path source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return invalid("(file)", "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return invalid("(file)", "the configuration must be a JSON object");
        }
        Path dir = source.getParent() == null ? Path.of(".") : source.getParent();
        return new StationConfigParser(dir).config(root, source);
    }

    private static ConfigResult invalid(String field, String problem) {
        return new ConfigResult.Invalid(List.of(new ConfigError(field, problem)));
    }

    private ConfigResult config(JsonNode root, Path source) {
        allowOnly(root, "", Set.of("format", "station", "ledger", "rules", "input", "sounds"));
        int format = integer(root, "format", 1, 1, FORMAT, true);
        if (format != FORMAT && errors.isEmpty()) {
            errors.add(new ConfigError("format", "must be " + FORMAT));
        }
        StationConfig.Station station = station(object(root, "station"));
        StationConfig.Ledger ledger = ledger(object(root, "ledger"));
        StationConfig.Rules rules = rules(object(root, "rules"));
        StationConfig.Input input = input(object(root, "input"));
        boolean sounds = bool(root, "sounds", true);
        if (!errors.isEmpty()) {
            return new ConfigResult.Invalid(errors);
        }
        return new ConfigResult.Valid(new StationConfig(source, station, ledger, rules, input, sounds));
    }

    private StationConfig.Station station(JsonNode node) {
        allowOnly(node, "station.", Set.of("name", "pharmacyName", "pharmacyGln", "signingKey", "pharmacists",
                "operators"));
        String name = text(node, "station.name", "Packing station", 60);
        String pharmacy = text(node, "station.pharmacyName", null, 120);
        String gln = text(node, "station.pharmacyGln", null, 13);
        if (gln != null && !(gln.matches("\\d{13}") && CheckDigits.hasValidGs1CheckDigit(gln))) {
            errors.add(new ConfigError("station.pharmacyGln", "\"" + gln
                    + "\" is not a GLN: 13 digits with a valid GS1 check digit, e.g. 4012345000009"));
        }
        Optional<Path> signingKey = optionalPath(node, "station.signingKey");
        Optional<Path> pharmacists = optionalPath(node, "station.pharmacists");
        Optional<Path> operators = optionalPath(node, "station.operators");
        return new StationConfig.Station(name, pharmacy, gln, signingKey, pharmacists, operators);
    }

    private StationConfig.Ledger ledger(JsonNode node) {
        allowOnly(node, "ledger.", Set.of("url", "policy", "mirror", "timeoutSeconds", "parallelDownloads",
                "warnAfterHours", "blockAfterHours", "trustAnchor"));
        URI url = url(node, "ledger.url");
        Path policy = path(node, "ledger.policy", null);
        Path mirror = path(node, "ledger.mirror", "mirror.db");
        int timeout = integer(node, "ledger.timeoutSeconds", 15, 1, 300, false);
        int parallel = integer(node, "ledger.parallelDownloads", 8, 1, 64, false);
        int warn = integer(node, "ledger.warnAfterHours", 4, 0, 24 * 365, false);
        int block = integer(node, "ledger.blockAfterHours", 24, 0, 24 * 365, false);
        if (block < warn) {
            errors.add(new ConfigError("ledger.blockAfterHours", "(" + block
                    + ") must not be below ledger.warnAfterHours (" + warn + ")"));
        }
        Optional<Path> trustAnchor = optionalPath(node, "ledger.trustAnchor");
        return new StationConfig.Ledger(url, policy, mirror, Duration.ofSeconds(timeout), parallel,
                Duration.ofHours(warn), Duration.ofHours(block), trustAnchor);
    }

    private StationConfig.Rules rules(JsonNode node) {
        allowOnly(node, "rules.", Set.of("minShelfLifeDays", "returnWindowDays", "undoWindowDays"));
        return new StationConfig.Rules(
                integer(node, "rules.minShelfLifeDays", 28, 0, 3650, false),
                integer(node, "rules.returnWindowDays", 30, 0, 3650, false),
                integer(node, "rules.undoWindowDays", 10, 0, 10, false));
    }

    private StationConfig.Input input(JsonNode node) {
        allowOnly(node, "input.", Set.of("wedgeMaxGapMillis", "serialPort", "serialBaud", "camera", "ffmpeg"));
        int gap = integer(node, "input.wedgeMaxGapMillis", 40, 5, 200, false);
        Optional<String> port = node.has("serialPort")
                ? Optional.ofNullable(text(node, "input.serialPort", null, 200)) : Optional.empty();
        int baud = integer(node, "input.serialBaud", 9600, 1200, 921_600, false);
        CameraSetting.Parsed parsed = CameraSetting.parse(text(node, "input.camera", "off", 1000));
        if (parsed instanceof CameraSetting.Parsed.Invalid bad) {
            errors.add(new ConfigError("input.camera", bad.problem()));
        }
        CameraSetting camera = parsed instanceof CameraSetting.Parsed.Valid v ? v.setting() : new CameraSetting.Off();
        Optional<Path> ffmpeg = optionalPath(node, "input.ffmpeg");
        return new StationConfig.Input(Duration.ofMillis(gap), port, baud, camera, ffmpeg);
    }

    // --- field readers: each records an error naming the field and returns a harmless value ---

    private JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return JSON.createObjectNode();
        }
        if (!n.isObject()) {
            errors.add(new ConfigError(field, "must be an object { ... }"));
            return JSON.createObjectNode();
        }
        return n;
    }

    private void allowOnly(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                errors.add(new ConfigError(prefix + name, "unknown setting (known here: "
                        + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private String text(JsonNode node, String path, String fallback, int maxLength) {
        JsonNode n = node.get(leaf(path));
        if (n == null || n.isNull()) {
            if (fallback == null) {
                errors.add(new ConfigError(path, "is required"));
            }
            return fallback;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            errors.add(new ConfigError(path, "must be a non-empty string"));
            return fallback;
        }
        String s = n.asText().strip();
        if (s.length() > maxLength) {
            errors.add(new ConfigError(path, "is longer than " + maxLength + " characters"));
        }
        return s;
    }

    private int integer(JsonNode node, String path, int fallback, int min, int max, boolean required) {
        JsonNode n = node.get(leaf(path));
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new ConfigError(path, "is required (use " + fallback + ")"));
            }
            return fallback;
        }
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            errors.add(new ConfigError(path, "must be a whole number from " + min + " to " + max + ", not " + n));
            return fallback;
        }
        return n.asInt();
    }

    private boolean bool(JsonNode node, String path, boolean fallback) {
        JsonNode n = node.get(leaf(path));
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            errors.add(new ConfigError(path, "must be true or false, not " + n));
            return fallback;
        }
        return n.asBoolean();
    }

    private URI url(JsonNode node, String path) {
        String s = text(node, path, null, 2000);
        URI fallback = URI.create("http://127.0.0.1/");
        if (s == null) {
            return fallback;
        }
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                errors.add(new ConfigError(path, "\"" + s + "\" is not an http:// or https:// URL with a host"));
                return fallback;
            }
            if (u.getQuery() != null || u.getFragment() != null) {
                errors.add(new ConfigError(path, "must not have a ?query or #fragment: it is the log's base URL"));
                return fallback;
            }
            return u;
        } catch (URISyntaxException e) {
            errors.add(new ConfigError(path, "\"" + s + "\" is not a valid URL: " + e.getReason()));
            return fallback;
        }
    }

    private Optional<Path> optionalPath(JsonNode node, String path) {
        return node.has(leaf(path)) ? Optional.ofNullable(path(node, path, null)) : Optional.empty();
    }

    private Path path(JsonNode node, String path, String fallback) {
        String s = text(node, path, fallback, 4096);
        if (s == null) {
            return base;
        }
        try {
            return base.resolve(s).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            errors.add(new ConfigError(path, "\"" + s + "\" is not a valid file path: " + e.getReason()));
            return base;
        }
    }
}
