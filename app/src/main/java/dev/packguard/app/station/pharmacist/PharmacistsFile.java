package dev.packguard.app.station.pharmacist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.station.packing.PharmacistPins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
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
    /** The only format this version reads and writes. */
    public static final int FORMAT = 1;
    /** An id: what the pharmacist types (like a badge id). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    /** Fewer iterations make a 4-digit PIN trivial to brute-force from a stolen file. */
    public static final int MIN_ITERATIONS = 10_000;
    /** More would let an edited file stall the station for minutes on every PIN check. */
    public static final int MAX_ITERATIONS = 10_000_000;
    private static final int MAX_NAME = 120;
    private static final Set<String> ENTRY_KEYS = Set.of("id", "name", "salt", "iterations", "hash");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PharmacistsFile() {
    }

    /** One thing wrong with the file: {@code where} is e.g. {@code pharmacists[1] (id "pharm-2").salt}. */
    public record Problem(String where, String message) {
        public Problem {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    /** What reading the file gave. */
    public sealed interface Read {
        /** The file parsed; every entry is valid. */
        record Loaded(Path file, List<PharmacistPins.Pharmacist> pharmacists) implements Read {
            public Loaded {
                Objects.requireNonNull(file, "file");
                pharmacists = List.copyOf(pharmacists);
            }
        }

        /** There is no such file (yet). */
        record Missing(Path file) implements Read {
            public Missing {
                Objects.requireNonNull(file, "file");
            }
        }

        /** The file exists but cannot be used; {@code problems} is never empty. */
        record Invalid(Path file, List<Problem> problems) implements Read {
            public Invalid {
                Objects.requireNonNull(file, "file");
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid file has at least one problem");
                }
            }

            /** One paragraph for the operator. */
            public String describe() {
                return "The pharmacists file " + file + " cannot be used: "
                        + String.join("; ", problems.stream().map(Problem::toString).toList());
            }
        }
    }

    /** Reads {@code file}. Never throws for a bad or missing file: the outcome says what is wrong. */
    public static Read read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Read.Missing(file);
        } catch (IOException e) {
            return new Read.Invalid(file, List.of(new Problem("file", "cannot be read: " + e.getMessage())));
        }
        return parse(file, text);
    }

    /** Parses {@code text} (the contents of {@code file}, which only names it in problems). */
    public static Read parse(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new Read.Invalid(file, List.of(new Problem("file", "not valid JSON" + at + ": " + e.getOriginalMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Read.Invalid(file, List.of(new Problem("file", "must be a JSON object")));
        }
        unknownKeys(root, Set.of("format", "pharmacists"), "", problems);
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || format.asLong() != FORMAT) {
            problems.add(new Problem("format", "must be " + FORMAT));
        }
        JsonNode list = root.get("pharmacists");
        List<PharmacistPins.Pharmacist> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(new Problem("pharmacists", "must be a list of pharmacists"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                entry(list.get(i), i, ids, problems).ifPresent(out::add);
            }
        }
        return problems.isEmpty() ? new Read.Loaded(file, out) : new Read.Invalid(file, problems);
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
        String id = text(e, "id", where, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new Problem(where + ".id", "must be 2 to 64 letters, digits, '.', '_' or '-'"));
        } else if (id != null && !ids.add(id)) {
            problems.add(new Problem(where + ".id", "is listed twice"));
        }
        String name = text(e, "name", where, problems);
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
        Read read = read(configured.get());
        if (read instanceof Read.Missing m) {
            return PharmacistPins.none("No pharmacists are set up: station.pharmacists names " + m.file()
                    + ", which does not exist. " + HOW_TO_ENROL);
        }
        if (read instanceof Read.Invalid i) {
            return PharmacistPins.none(i.describe() + " Nobody can authorise until it is fixed (station.pharmacists).");
        }
        Read.Loaded loaded = (Read.Loaded) read;
        if (loaded.pharmacists().isEmpty()) {
            return PharmacistPins.none("No pharmacists are set up: " + loaded.file() + " (station.pharmacists) lists "
                    + "nobody. " + HOW_TO_ENROL);
        }
        return new PharmacistPins(loaded.pharmacists());
    }

    /** The file's text for {@code pharmacists}, as {@link #parse} reads it back. */
    public static String format(List<PharmacistPins.Pharmacist> pharmacists) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("pharmacists");
        Base64.Encoder b64 = Base64.getEncoder();
        for (PharmacistPins.Pharmacist p : pharmacists) {
            list.addObject().put("id", p.id()).put("name", p.name()).put("salt", b64.encodeToString(p.salt()))
                    .put("iterations", p.iterations()).put("hash", b64.encodeToString(p.hash()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Writes {@code pharmacists} to {@code file} atomically (a temporary file beside it, then a
     * rename), readable by its owner only where the file system has POSIX permissions: the
     * hashes of short PINs must not be world-readable.
     */
    public static void write(Path file, List<PharmacistPins.Pharmacist> pharmacists) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, format(pharmacists), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String prefix, List<Problem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(new Problem(prefix + shown(k), "unknown key (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static String text(JsonNode e, String key, String where, List<Problem> problems) {
        JsonNode n = e.get(key);
        if (n == null || !n.isTextual()) {
            problems.add(new Problem(where + "." + key, "must be a string"));
            return null;
        }
        return n.textValue();
    }

    // Standard base64 with padding, and only the one encoding of the bytes (RFC 4648 §3.5: no stray bits).
    private static byte[] base64(JsonNode e, String key, String where, List<Problem> problems) {
        String s = text(e, key, where, problems);
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

    private static String shown(String s) {
        String t = s.chars().anyMatch(Character::isISOControl) ? s.replaceAll("\\p{Cntrl}", "?") : s;
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
