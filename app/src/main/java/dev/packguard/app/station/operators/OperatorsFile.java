package dev.packguard.app.station.operators;

import static dev.packguard.app.station.files.EntryListFile.shown;
import static dev.packguard.app.station.files.EntryListFile.text;
import static dev.packguard.app.station.files.EntryListFile.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.station.files.EntryListFile.Problem;
import dev.packguard.app.station.files.EntryListFile.Read;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** The file in messages, its list, and what the list must be. */
    public static final EntryListFile.Kind KIND = new EntryListFile.Kind("operators", "operators", "a list of operators");
    private static final Set<String> ENTRY_KEYS = Set.of("badge", "name", "role");

    private OperatorsFile() {
    }

    /** Reads {@code file}. Never throws for a bad or missing file: the outcome says what is wrong. Blocking. */
    public static Read<Operator> read(Path file) {
        return EntryListFile.read(file, KIND, entries());
    }

    /** Parses {@code text} (the contents of {@code file}, which only names it in problems). */
    public static Read<Operator> parse(Path file, String text) {
        return EntryListFile.parse(file, KIND, text, entries());
    }

    // A parser for one file: it remembers the badges and names before, which must not repeat.
    private static EntryListFile.EntryParser<Operator> entries() {
        Map<String, Integer> badges = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        return (e, i, problems) -> entry(e, i, badges, names, problems);
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
        ObjectNode root = EntryListFile.newFile(KIND);
        ArrayNode list = (ArrayNode) root.get(KIND.listKey());
        for (Operator o : operators) {
            list.addObject().put("badge", o.badge()).put("name", o.name()).put("role", o.role().wireName());
        }
        return EntryListFile.text(root);
    }

    /**
     * Writes {@code operators} to {@code file} atomically ({@link EntryListFile#write}), so a crash
     * leaves the old roster or the new one. The list is checked by {@link #parse} first: a file
     * this writes is always one the station reads.
     *
     * @throws IllegalArgumentException when the list would not read back (two badges or names alike)
     */
    public static void write(Path file, List<Operator> operators) throws IOException {
        String text = format(operators);
        if (parse(file, text) instanceof Read.Invalid<Operator> bad) {
            throw new IllegalArgumentException(bad.describe());
        }
        EntryListFile.write(file, text, false);
    }
}
