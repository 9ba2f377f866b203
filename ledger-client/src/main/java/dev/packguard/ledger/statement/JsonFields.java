package dev.packguard.ledger.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the members of one JSON object strictly: each read names the member, every value is
 * checked against its domain, and {@link #end()} refuses members nobody read. Defects throw
 * {@link Rejection} with the JSON Pointer of the member.
 */
final class JsonFields {
    private final ObjectNode node;
    private final String pointer;
    private final Set<String> read = new HashSet<>();

    private JsonFields(ObjectNode node, String pointer) {
        this.node = node;
        this.pointer = pointer;
    }

    static JsonFields of(JsonNode node, String pointer) {
        if (!(node instanceof ObjectNode object)) {
            throw new Rejection(EntryDecoding.Problem.BAD_VALUE, pointer, "expected a JSON object");
        }
        return new JsonFields(object, pointer);
    }

    String pointer(String name) {
        // RFC 6901 §3: "~" and "/" inside a member name are escaped.
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    boolean has(String name) {
        return node.has(name);
    }

    JsonNode raw(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new Rejection(EntryDecoding.Problem.MISSING_FIELD, pointer(name), "missing member \"" + name + "\"");
        }
        read.add(name);
        return value;
    }

    JsonFields object(String name) {
        return of(raw(name), pointer(name));
    }

    String text(String name) {
        JsonNode value = raw(name);
        if (!value.isTextual()) {
            throw bad(name, "expected a string");
        }
        return value.textValue();
    }

    long integer(String name, long min, long max) {
        JsonNode value = raw(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw bad(name, "expected an integer in " + min + ".." + max);
        }
        return value.longValue();
    }

    /** A string that {@code parse} turns into a value, or a BAD_VALUE naming {@code what}. */
    <T> T parsed(String name, String what, Function<String, Optional<T>> parse) {
        String text = text(name);
        return parse.apply(text).orElseThrow(() -> bad(name, "not " + what + ": \"" + abbreviate(text) + "\""));
    }

    Gln gln(String name) {
        return parsed(name, "a GLN with a valid check digit", s -> Gln.isValid(s) ? Optional.of(new Gln(s)) : Optional.empty());
    }

    Gtin gtin(String name) {
        return parsed(name, "a GTIN-14 with a valid check digit", s -> Gtin.isValid(s) ? Optional.of(new Gtin(s)) : Optional.empty());
    }

    Lot lot(String name) {
        return parsed(name, "a lot (1..20 characters of GS1 set 82)", s -> Lot.isValid(s) ? Optional.of(new Lot(s)) : Optional.empty());
    }

    Instant instant(String name) {
        return parsed(name, "a UTC time yyyy-MM-ddTHH:mm:ss.SSSZ", Times::parseInstant);
    }

    LocalDate date(String name) {
        return parsed(name, "a date yyyy-MM-dd", Times::parseDate);
    }

    <E extends Enum<E> & WireEnum> E code(String name, Class<E> type) {
        return parsed(name, "a known " + type.getSimpleName() + " code", s -> WireEnum.fromWireName(type, s));
    }

    /** The string that must be exactly {@code expected} (a value fixed by the type, such as bizStep). */
    void constant(String name, String expected) {
        String text = text(name);
        if (!text.equals(expected)) {
            throw bad(name, "must be \"" + expected + "\" for this type");
        }
    }

    /** An array of strings, each parsed, strictly ascending (a set has one encoding), with {@code min..max} items. */
    <T extends Comparable<? super T>> List<T> sortedSet(String name, int min, int max, String what,
            Function<String, Optional<T>> parse) {
        JsonNode value = raw(name);
        if (!value.isArray() || value.size() < min || value.size() > max) {
            throw bad(name, "expected an array of " + min + ".." + max + " items");
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = pointer(name) + "/" + i;
            if (!item.isTextual()) {
                throw new Rejection(EntryDecoding.Problem.BAD_VALUE, at, "expected a string");
            }
            T parsed = parse.apply(item.textValue()).orElseThrow(() -> new Rejection(EntryDecoding.Problem.BAD_VALUE, at,
                    "not " + what + ": \"" + abbreviate(item.textValue()) + "\""));
            if (!items.isEmpty() && items.get(items.size() - 1).compareTo(parsed) >= 0) {
                throw new Rejection(EntryDecoding.Problem.BAD_VALUE, at, "items must be strictly ascending (sorted, no duplicates)");
            }
            items.add(parsed);
        }
        return items;
    }

    /** Refuses any member that was not read: version 1 has no optional extensions. */
    void end() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw new Rejection(EntryDecoding.Problem.UNKNOWN_FIELD, pointer(name), "member \"" + abbreviate(name) + "\" is not defined here");
            }
        }
    }

    Rejection bad(String name, String detail) {
        return new Rejection(EntryDecoding.Problem.BAD_VALUE, pointer(name), detail);
    }

    private static String abbreviate(String s) {
        return s.length() <= 48 ? s : s.substring(0, 45) + "...";
    }
}
