package dev.packguard.app.station.pharmacist;

import static dev.packguard.app.station.files.EntryListFile.shown;
import static dev.packguard.app.station.files.EntryListFile.text;
import static dev.packguard.app.station.files.EntryListFile.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.station.files.EntryListFile.Problem;
import dev.packguard.app.station.files.EntryListFile.Read;
import dev.packguard.app.station.packing.PharmacistPins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pharmacists file named by {@code station.pharmacists} (docs/CONFIGURATION.md
 * "Pharmacists"): who may authorise undo and overrides, each with a PBKDF2-HMAC-SHA256 PIN hash
 * (RFC 8018 §5.2). The file is untrusted input, parsed once and strictly: unknown or duplicate
 * keys, wrong types, non-canonical base64 and out-of-range numbers are refused, each problem
 * naming the entry it is in. Format 1:
 *
 * <pre>{"format": 1, "pharmacists": [
 *   {"id": "pharm-1", "name": "A. Apothecary", "salt": "&lt;base64, 16..64 bytes&gt;",
 *    "iterations": 600000, "hash": "&lt;base64, 32 bytes&gt;"}]}</pre>
 */
public final class PharmacistsFile {
    /** The file in messages, its list, and what the list must be. */
    public static final EntryListFile.Kind KIND = new EntryListFile.Kind("pharmacists", "pharmacists",
            "a list of pharmacists");
    /** An id: what the pharmacist types (like a badge id). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    /** Fewer iterations make a 4-digit PIN trivial to brute-force from a stolen file. */
    public static final int MIN_ITERATIONS = 10_000;
    /** More would let an edited file stall the station for minutes on every PIN check. */
    public static final int MAX_ITERATIONS = 10_000_000;
    private static final int MAX_NAME = 120;
    private static final Set<String> ENTRY_KEYS = Set.of("id", "name", "salt", "iterations", "hash");
    private PharmacistsFile() {
    }

    /** Reads {@code file}. Never throws for a bad or missing file: the outcome says what is wrong. Blocking. */
    public static Read<PharmacistPins.Pharmacist> read(Path file) {
        return EntryListFile.read(file, KIND, entries());
    }

    /** Parses {@code text} (the contents of {@code file}, which only names it in problems). */
    public static Read<PharmacistPins.Pharmacist> parse(Path file, String text) {
        return EntryListFile.parse(file, KIND, text, entries());
    }

    // A parser for one file: it remembers the ids before, which must not repeat.
    private static EntryListFile.EntryParser<PharmacistPins.Pharmacist> entries() {
        Set<String> ids = new HashSet<>();
        return (e, i, problems) -> entry(e, i, ids, problems);
    }

    private static java.util.Optional<PharmacistPins.Pharmacist> entry(JsonNode e, int i, Set<String> ids,
            List<Problem> problems) {
        String where = "pharmacists[" + i + "]";
        if (!e.isObject()) {
            problems.add(new Problem(where, "must be an object with id, name, salt, iterations and hash"));
            return java.util.Optional.empty();
        }
        JsonNode idNode = e.get("id");
        if (idNode != null && idNode.isTextual()) {
            where += " (id \"" + shown(idNode.textValue()) + "\")";
        }
        int before = problems.size();
        unknownKeys(e, ENTRY_KEYS, where + ".", problems);
        String id = text(e, "id", where, problems).orElse(null);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new Problem(where + ".id", "must be 2 to 64 letters, digits, '.', '_' or '-'"));
        } else if (id != null && !ids.add(id)) {
            problems.add(new Problem(where + ".id", "is listed twice"));
        }
        String name = text(e, "name", where, problems).orElse(null);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
            problems.add(new Problem(where + ".name", "must be 1 to " + MAX_NAME + " printable characters"));
        }
        byte[] salt = base64(e, "salt", where, problems);
        if (salt != null && (salt.length < 16 || salt.length > 64)) {
            problems.add(new Problem(where + ".salt", "must be 16 to 64 bytes, is " + salt.length));
        }
        byte[] hash = base64(e, "hash", where, problems);
        if (hash != null && hash.length != 32) {
            problems.add(new Problem(where + ".hash", "must be 32 bytes (PBKDF2-HMAC-SHA256), is " + hash.length));
        }
        JsonNode it = e.get("iterations");
        if (it == null || !it.isIntegralNumber() || it.asLong() < MIN_ITERATIONS || it.asLong() > MAX_ITERATIONS) {
            problems.add(new Problem(where + ".iterations", "must be a whole number from " + MIN_ITERATIONS + " to "
                    + MAX_ITERATIONS));
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PharmacistPins.Pharmacist(id, name, salt, it.intValue(), hash));
    }

    /** How to enrol someone, for messages that say nobody can authorise. */
    public static final String HOW_TO_ENROL = "Enrol a pharmacist with: packguard pharmacist add --config FILE --id ID "
            + "--name NAME (docs/CONFIGURATION.md \"Pharmacists\").";

    /**
     * The station's pharmacists from its {@code station.pharmacists} setting. When nobody can
     * authorise (no setting, no file, an unusable file, an empty list) the result is empty and
     * says why, naming {@code station.pharmacists}; the station still packs, only undo and
     * overrides are refused. Blocking (file read): call off the FX thread.
     */
    public static PharmacistPins pinsFor(java.util.Optional<Path> configured) {
        if (configured.isEmpty()) {
            return PharmacistPins.none("No pharmacists are set up: the station configuration has no "
                    + "station.pharmacists file. " + HOW_TO_ENROL);
        }
        Read<PharmacistPins.Pharmacist> read = read(configured.get());
        if (read instanceof Read.Missing<PharmacistPins.Pharmacist> m) {
            return PharmacistPins.none("No pharmacists are set up: station.pharmacists names " + m.file()
                    + ", which does not exist. " + HOW_TO_ENROL);
        }
        if (read instanceof Read.Invalid<PharmacistPins.Pharmacist> i) {
            return PharmacistPins.none(i.describe() + " Nobody can authorise until it is fixed (station.pharmacists).");
        }
        Read.Loaded<PharmacistPins.Pharmacist> loaded = (Read.Loaded<PharmacistPins.Pharmacist>) read;
        if (loaded.entries().isEmpty()) {
            return PharmacistPins.none("No pharmacists are set up: " + loaded.file() + " (station.pharmacists) lists "
                    + "nobody. " + HOW_TO_ENROL);
        }
        return new PharmacistPins(loaded.entries());
    }

    /** The file's text for {@code pharmacists}, as {@link #parse} reads it back. */
    public static String format(List<PharmacistPins.Pharmacist> pharmacists) {
        ObjectNode root = EntryListFile.newFile(KIND);
        ArrayNode list = (ArrayNode) root.get(KIND.listKey());
        Base64.Encoder b64 = Base64.getEncoder();
        for (PharmacistPins.Pharmacist p : pharmacists) {
            list.addObject().put("id", p.id()).put("name", p.name()).put("salt", b64.encodeToString(p.salt()))
                    .put("iterations", p.iterations()).put("hash", b64.encodeToString(p.hash()));
        }
        return EntryListFile.text(root);
    }

    /**
     * Writes {@code pharmacists} to {@code file} atomically ({@link EntryListFile#write}), readable
     * by its owner only where the file system has POSIX permissions: the hashes of short PINs must
     * not be world-readable.
     */
    public static void write(Path file, List<PharmacistPins.Pharmacist> pharmacists) throws IOException {
        EntryListFile.write(file, format(pharmacists), true);
    }

    // Standard base64 with padding, and only the one encoding of the bytes (RFC 4648 §3.5: no stray bits).
    private static byte[] base64(JsonNode e, String key, String where, List<Problem> problems) {
        String s = text(e, key, where, problems).orElse(null);
        if (s == null) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(s);
            if (Base64.getEncoder().encodeToString(b).equals(s)) {
                return b;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below, like a non-canonical encoding
        }
        problems.add(new Problem(where + "." + key, "must be canonical base64 (RFC 4648 §4, with padding)"));
        return null;
    }
}
