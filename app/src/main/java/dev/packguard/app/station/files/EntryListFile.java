package dev.packguard.app.station.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The station's small JSON files that list people (the operators roster, the pharmacists file;
 * docs/CONFIGURATION.md): {@code {"format": 1, "<list>": [ {...}, ... ]}}. They are untrusted
 * input, read once and strictly: at most {@link #MAX_BYTES}, UTF-8 only, JSON without duplicate
 * keys or trailing tokens, no unknown keys, the one format; every problem names the entry and
 * the field. Each file's class says what an entry is ({@link EntryParser}); this class does the
 * rest, the same way for all of them, and writes them atomically.
 */
public final class EntryListFile {
    /** The only format this version reads and writes. */
    public static final int FORMAT = 1;
    /** Larger files are refused unread: a list of thousands of people is a few hundred KiB. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private EntryListFile() {
    }

    /** One thing wrong with a file: {@code where} is e.g. {@code operators[1] (badge "tech-2").role}. */
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

    /** What reading a file gave. */
    public sealed interface Read<T> {
        /** The file parsed; every entry is valid. */
        record Loaded<T>(Path file, List<T> entries) implements Read<T> {
            public Loaded {
                Objects.requireNonNull(file, "file");
                entries = List.copyOf(entries);
            }
        }

        /** There is no such file (yet). */
        record Missing<T>(Path file) implements Read<T> {
            public Missing {
                Objects.requireNonNull(file, "file");
            }
        }

        /** The file exists but cannot be used; {@code problems} is never empty. */
        record Invalid<T>(Path file, String kind, List<Problem> problems) implements Read<T> {
            public Invalid {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(kind, "kind");
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid file has at least one problem");
                }
            }

            /** One paragraph for the person who can fix the file. */
            public String describe() {
                return "The " + kind + " file " + file + " cannot be used: "
                        + String.join("; ", problems.stream().map(Problem::toString).toList());
            }
        }
    }

    /** What one kind of file lists: its name in messages, its list's key, and how an entry is read. */
    public record Kind(String name, String listKey, String listWords) {
        public Kind {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(listKey, "listKey");
            Objects.requireNonNull(listWords, "listWords");
        }
    }

    /**
     * Reads entry {@code index} of a list, adding what is wrong with it to {@code problems}. One
     * parser reads one file, so it may remember the entries before (duplicate badges, names).
     */
    public interface EntryParser<T> {
        Optional<T> entry(JsonNode entry, int index, List<Problem> problems);
    }

    /** Reads {@code file}. Never throws for a bad or missing file: the outcome says what is wrong. Blocking. */
    public static <T> Read<T> read(Path file, Kind kind, EntryParser<T> entries) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return invalid(file, kind, "is larger than 1 MiB; this is not " + article(kind) + " file");
            }
            byte[] bytes = Files.readAllBytes(file);
            return parse(file, kind, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(),
                    entries);
        } catch (NoSuchFileException e) {
            return new Read.Missing<>(file);
        } catch (CharacterCodingException e) {
            return invalid(file, kind, "is not UTF-8 text");
        } catch (IOException e) {
            return invalid(file, kind, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses {@code text} (the contents of {@code file}, which only names it in problems). */
    public static <T> Read<T> parse(Path file, Kind kind, String text, EntryParser<T> entries) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return invalid(file, kind, "not valid JSON" + at + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return invalid(file, kind, "must be a JSON object");
        }
        List<Problem> problems = new ArrayList<>();
        unknownKeys(root, Set.of("format", kind.listKey()), "", problems);
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || format.asLong() != FORMAT) {
            problems.add(new Problem("format", "must be " + FORMAT));
        }
        JsonNode list = root.get(kind.listKey());
        List<T> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(new Problem(kind.listKey(), "must be " + kind.listWords()));
        } else {
            for (int i = 0; i < list.size(); i++) {
                entries.entry(list.get(i), i, problems).ifPresent(out::add);
            }
        }
        return problems.isEmpty() ? new Read.Loaded<>(file, out) : new Read.Invalid<>(file, kind.name(), problems);
    }

    /** A new file tree {@code {"format": 1, "<list>": []}}; the caller adds the entries to the list. */
    public static ObjectNode newFile(Kind kind) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.putArray(kind.listKey());
        return root;
    }

    /** The text of a tree made by {@link #newFile}, as {@link #parse} reads it back. */
    public static String text(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Writes {@code text} to {@code file} atomically: a temporary file beside it, flushed to the
     * device, renamed over the old one, so a crash leaves the old file or the new one. With
     * {@code ownerOnly}, readable by its owner only where the file system has POSIX permissions.
     */
    public static void write(Path file, String text, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + file.getFileName() + ".";
        Path tmp = ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, prefix, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, prefix, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Adds a problem for every key of {@code node} not in {@code allowed}, named after {@code prefix}. */
    public static void unknownKeys(JsonNode node, Set<String> allowed, String prefix, List<Problem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(new Problem(prefix + shown(k), "unknown key (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    /** The string at {@code key} of {@code entry}, or a problem at {@code where.key}. */
    public static Optional<String> text(JsonNode entry, String key, String where, List<Problem> problems) {
        JsonNode n = entry.get(key);
        if (n == null || !n.isTextual()) {
            problems.add(new Problem(where + "." + key, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(n.textValue());
    }

    /** {@code s} as a problem may quote it: control characters as {@code ?}, at most 40 characters. */
    public static String shown(String s) {
        String t = s.chars().anyMatch(Character::isISOControl) ? s.replaceAll("\\p{Cntrl}", "?") : s;
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private static <T> Read<T> invalid(Path file, Kind kind, String message) {
        return new Read.Invalid<>(file, kind.name(), List.of(new Problem("file", message)));
    }

    private static String article(Kind kind) {
        return "aeiou".indexOf(kind.name().charAt(0)) >= 0 ? "an " + kind.name() : "a " + kind.name();
    }
}
