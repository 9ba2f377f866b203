package dev.packguard.app.station.operators;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operators file named by {@code station.operators} (docs/CONFIGURATION.md "Operators"):
 * who may sign in at the station, by badge or from the pick-list. The file is untrusted input,
 * parsed once and strictly: unknown or duplicate keys, wrong types, badges that are not badge
 * ids, a role other than the two known, and two entries with the same badge (ignoring case, as a
 * keyboard-wedge scanner may lose it) or the same name (the pick-list must tell them apart) are
 * refused, each problem naming the entry and the field. Format 1:
 *
 * <pre>{"format": 1, "operators": [
 *   {"badge": "tech-17", "name": "Anna Schmidt", "role": "technician"}]}</pre>
 */
public final class OperatorsFile {
    /** The only format this version reads and writes. */
    public static final int FORMAT = 1;
    /** Larger files are refused unread: a roster of thousands is a few hundred KiB. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> ENTRY_KEYS = Set.of("badge", "name", "role");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private OperatorsFile() {
    }

    /** One thing wrong with the file: {@code where} is e.g. {@code operators[1] (badge "tech-2").role}. */
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
        record Loaded(Path file, List<Operator> operators) implements Read {
            public Loaded {
                Objects.requireNonNull(file, "file");
                operators = List.copyOf(operators);
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
                return "The operators file " + file + " cannot be used: "
                        + String.join("; ", problems.stream().map(Problem::toString).toList());
            }
        }
    }

    /** Reads {@code file}. Never throws for a bad or missing file: the outcome says what is wrong. Blocking. */
    public static Read read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Read.Invalid(file, List.of(new Problem("file", "is larger than 1 MiB; this is not an "
                        + "operators file")));
            }
            byte[] bytes = Files.readAllBytes(file);
            return parse(file, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            return new Read.Missing(file);
        } catch (CharacterCodingException e) {
            return new Read.Invalid(file, List.of(new Problem("file", "is not UTF-8 text")));
        } catch (IOException e) {
            return new Read.Invalid(file, List.of(new Problem("file", "cannot be read: " + e.getMessage())));
        }
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
        if (root == null || !root.isObject()) {
            return new Read.Invalid(file, List.of(new Problem("file", "must be a JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        unknownKeys(root, Set.of("format", "operators"), "", problems);
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || format.asLong() != FORMAT) {
            problems.add(new Problem("format", "must be " + FORMAT));
        }
        JsonNode list = root.get("operators");
        List<Operator> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(new Problem("operators", "must be a list of operators"));
        } else {
            Map<String, Integer> badges = new HashMap<>();
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                entry(list.get(i), i, badges, names, problems).ifPresent(out::add);
            }
        }
        return problems.isEmpty() ? new Read.Loaded(file, out) : new Read.Invalid(file, problems);
    }

    private static Optional<Operator> entry(JsonNode e, int i, Map<String, Integer> badges, Map<String, Integer> names,
            List<Problem> problems) {
        if (!e.isObject()) {
            problems.add(new Problem("operators[" + i + "]", "must be an object with badge, name and role"));
            return Optional.empty();
        }
        JsonNode badgeNode = e.get("badge");
        String where = "operators[" + i + "]" + (badgeNode != null && badgeNode.isTextual()
                ? " (badge \"" + shown(badgeNode.textValue()) + "\")" : "");
        int before = problems.size();
        unknownKeys(e, ENTRY_KEYS, where + ".", problems);
        Optional<String> badge = text(e, "badge", where, problems);
        badge.ifPresent(b -> {
            if (!Operator.BADGE.matcher(b).matches()) {
                problems.add(new Problem(where + ".badge", "must be 2 to 64 letters, digits, '.', '_' or '-'"));
            } else {
                once(badges, b, i, where + ".badge", "is the badge of operators[%d] too (badges must differ in more "
                        + "than upper and lower case)", problems);
            }
        });
        Optional<String> name = text(e, "name", where, problems);
        name.ifPresent(n -> {
            if (!Operator.validName(n)) {
                problems.add(new Problem(where + ".name", "must be 1 to " + Operator.MAX_NAME + " printable characters, "
                        + "without spaces at either end"));
            } else {
                once(names, n, i, where + ".name", "is the name of operators[%d] too (the pick-list must tell them "
                        + "apart)", problems);
            }
        });
        Optional<String> roleText = text(e, "role", where, problems);
        Optional<Operator.Role> role = roleText.flatMap(Operator.Role::parse);
        if (roleText.isPresent() && role.isEmpty()) {
            problems.add(new Problem(where + ".role", "must be \"technician\" or \"pharmacist\", not \""
                    + shown(roleText.get()) + "\""));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Operator(badge.orElseThrow(), name.orElseThrow(), role.orElseThrow()));
    }

    // Case-insensitive: a wedge scanner with caps lock on sends the other case (DOMAIN.md, false alarms).
    private static void once(Map<String, Integer> seen, String value, int i, String where, String message,
            List<Problem> problems) {
        Integer first = seen.putIfAbsent(value.toLowerCase(Locale.ROOT), i);
        if (first != null) {
            problems.add(new Problem(where, String.format(Locale.ROOT, message, first)));
        }
    }

    /** The file's text for {@code operators}, as {@link #parse} reads it back. */
    public static String format(List<Operator> operators) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("operators");
        for (Operator o : operators) {
            list.addObject().put("badge", o.badge()).put("name", o.name()).put("role", o.role().wireName());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Writes {@code operators} to {@code file} atomically: a temporary file beside it, flushed to
     * the device, renamed over the old one, so a crash leaves the old roster or the new one. The
     * list is checked by {@link #parse} first: a file this writes is always one the station reads.
     *
     * @throws IllegalArgumentException when the list would not read back (two badges or names alike)
     */
    public static void write(Path file, List<Operator> operators) throws IOException {
        String text = format(operators);
        if (parse(file, text) instanceof Read.Invalid bad) {
            throw new IllegalArgumentException(bad.describe());
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
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

    private static void unknownKeys(JsonNode node, Set<String> allowed, String prefix, List<Problem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(new Problem(prefix + shown(k), "unknown key (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static Optional<String> text(JsonNode e, String key, String where, List<Problem> problems) {
        JsonNode n = e.get(key);
        if (n == null || !n.isTextual()) {
            problems.add(new Problem(where + "." + key, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(n.textValue());
    }

    private static String shown(String s) {
        String t = s.chars().anyMatch(Character::isISOControl) ? s.replaceAll("\\p{Cntrl}", "?") : s;
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
