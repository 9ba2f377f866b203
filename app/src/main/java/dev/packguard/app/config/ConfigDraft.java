package dev.packguard.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A station configuration as it is being edited: the text of every {@link ConfigField}, not yet
 * validated (a number may still read "abc"). An empty text means "not set": the field is left
 * out of the file, so the parser applies its default or says it is required.
 * {@link StationConfigWriter} turns a draft into the file's JSON and validates it with
 * {@link StationConfigParser} before anything is written.
 *
 * @param values the text of each field; fields not in the map are empty
 */
public record ConfigDraft(Map<ConfigField, String> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ConfigDraft {
        EnumMap<ConfigField, String> copy = new EnumMap<>(ConfigField.class);
        for (ConfigField f : ConfigField.values()) {
            copy.put(f, Objects.requireNonNullElse(values.get(f), ""));
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every field empty. */
    public static ConfigDraft empty() {
        return new ConfigDraft(Map.of());
    }

    /** The text of {@code field}; empty when not set. */
    public String get(ConfigField field) {
        return values.get(field);
    }

    /** This draft with {@code field} set to {@code text}. */
    public ConfigDraft with(ConfigField field, String text) {
        EnumMap<ConfigField, String> copy = new EnumMap<>(values);
        copy.put(field, Objects.requireNonNull(text, "text"));
        return new ConfigDraft(copy);
    }

    /**
     * A new station's form: the parser's defaults ({@link #withDefaults}), {@code mirror} as the
     * mirror, and the required fields (pharmacy, GLN, ledger URL, policy) empty for the person
     * to fill in.
     */
    public static ConfigDraft defaults(Path mirror) {
        return empty().withDefaults().with(ConfigField.MIRROR, mirror.toString());
    }

    /**
     * This draft with every empty field that has a default set to it, so the form shows the
     * value in force rather than a blank. The defaults are the parser's own, taken from parsing
     * a minimal file, so the two can never disagree. Required fields stay as they are.
     */
    public ConfigDraft withDefaults() {
        String minimal = """
                {"format": 1, "station": {"pharmacyName": "-", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "http://127.0.0.1/", "policy": "policy.txt"}}""";
        Path source = Path.of("station.json").toAbsolutePath();
        ConfigDraft parsed = of(((ConfigResult.Valid) StationConfigParser.parse(minimal, source)).config(),
                source.getParent());
        EnumMap<ConfigField, String> v = new EnumMap<>(values);
        for (ConfigField f : ConfigField.values()) {
            boolean required = f == ConfigField.PHARMACY_NAME || f == ConfigField.PHARMACY_GLN
                    || f == ConfigField.LEDGER_URL || f == ConfigField.POLICY;
            if (v.get(f).isEmpty() && !required) {
                v.put(f, parsed.get(f));
            }
        }
        return new ConfigDraft(v);
    }

    /**
     * The fields of a validated {@code config}, to be written into a file in folder {@code dir}:
     * a path inside {@code dir} is written relative to it (so a station folder can be moved
     * whole), any other path in full.
     */
    public static ConfigDraft of(StationConfig config, Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        EnumMap<ConfigField, String> v = new EnumMap<>(ConfigField.class);
        StationConfig.Station s = config.station();
        v.put(ConfigField.STATION_NAME, s.name());
        v.put(ConfigField.PHARMACY_NAME, s.pharmacyName());
        v.put(ConfigField.PHARMACY_GLN, s.pharmacyGln());
        s.signingKey().ifPresent(p -> v.put(ConfigField.SIGNING_KEY, relative(base, p)));
        s.pharmacists().ifPresent(p -> v.put(ConfigField.PHARMACISTS, relative(base, p)));
        s.operators().ifPresent(p -> v.put(ConfigField.OPERATORS, relative(base, p)));
        StationConfig.Ledger l = config.ledger();
        v.put(ConfigField.LEDGER_URL, l.url().toString());
        v.put(ConfigField.POLICY, relative(base, l.policy()));
        v.put(ConfigField.MIRROR, relative(base, l.mirror()));
        l.trustAnchor().ifPresent(p -> v.put(ConfigField.TRUST_ANCHOR, relative(base, p)));
        v.put(ConfigField.TIMEOUT_SECONDS, Long.toString(l.timeout().toSeconds()));
        v.put(ConfigField.PARALLEL_DOWNLOADS, Integer.toString(l.parallelDownloads()));
        v.put(ConfigField.WARN_AFTER_HOURS, Long.toString(l.warnAfter().toHours()));
        v.put(ConfigField.BLOCK_AFTER_HOURS, Long.toString(l.blockAfter().toHours()));
        StationConfig.Rules r = config.rules();
        v.put(ConfigField.MIN_SHELF_LIFE_DAYS, Integer.toString(r.minShelfLifeDays()));
        v.put(ConfigField.RETURN_WINDOW_DAYS, Integer.toString(r.returnWindowDays()));
        v.put(ConfigField.UNDO_WINDOW_DAYS, Integer.toString(r.undoWindowDays()));
        StationConfig.Input i = config.input();
        v.put(ConfigField.WEDGE_MAX_GAP_MILLIS, Long.toString(i.wedgeMaxGap().toMillis()));
        i.serialPort().ifPresent(p -> v.put(ConfigField.SERIAL_PORT, p));
        v.put(ConfigField.SERIAL_BAUD, Integer.toString(i.serialBaud()));
        v.put(ConfigField.CAMERA, i.camera().text());
        i.ffmpeg().ifPresent(p -> v.put(ConfigField.FFMPEG, relative(base, p)));
        v.put(ConfigField.SOUNDS, Boolean.toString(config.sounds()));
        return new ConfigDraft(v);
    }

    /**
     * The fields of a configuration file's {@code text} exactly as written there, valid or not,
     * so a broken file can be opened in the form and mended (paths stay relative where they
     * were). Fields the form does not know, and values that are objects or arrays, are left
     * out; text that is not a JSON object gives an empty draft.
     */
    public static ConfigDraft fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return empty();
        }
        EnumMap<ConfigField, String> v = new EnumMap<>(ConfigField.class);
        if (root == null || !root.isObject()) {
            return empty();
        }
        for (ConfigField f : ConfigField.values()) {
            JsonNode parent = f.section().isPresent() ? root.get(f.section().get()) : root;
            Optional.ofNullable(parent).filter(JsonNode::isObject).map(p -> p.get(f.key())).filter(JsonNode::isValueNode).filter(n -> !n.isNull())
                    .ifPresent(n -> v.put(f, n.asText()));
        }
        return new ConfigDraft(v);
    }

    private static String relative(Path base, Path file) {
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(base) && !p.equals(base) ? base.relativize(p).toString() : p.toString();
    }
}
