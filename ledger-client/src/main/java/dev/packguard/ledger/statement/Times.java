package dev.packguard.ledger.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one text form of times and dates in statements: instants as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (RFC 3339, UTC, always three fraction digits), dates as
 * {@code yyyy-MM-dd} (ISO 8601 calendar date). Years are limited to 2000–2199 so every value has
 * exactly that many characters.
 */
public final class Times {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final Instant MIN = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("2200-01-01T00:00:00Z");

    private Times() {}

    /** True when {@code t} can appear in a statement: whole milliseconds, year 2000–2199. */
    public static boolean isValidInstant(Instant t) {
        return !t.isBefore(MIN) && t.isBefore(MAX) && t.getNano() % 1_000_000 == 0;
    }

    /** True when {@code d} is in 2000–2199. */
    public static boolean isValidDate(LocalDate d) {
        return d.getYear() >= 2000 && d.getYear() < 2200;
    }

    /** {@code t} truncated to milliseconds: a convenience for callers building statements from a clock. */
    public static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The wire form of an instant. */
    public static String format(Instant t) {
        return INSTANT.format(t);
    }

    /** The wire form of a date. */
    public static String format(LocalDate d) {
        return DATE.format(d);
    }

    /** The instant written as {@code text}, or empty when {@code text} is not exactly its wire form. */
    public static Optional<Instant> parseInstant(String text) {
        try {
            Instant t = Instant.parse(text);
            return isValidInstant(t) && format(t).equals(text) ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The date written as {@code text}, or empty when {@code text} is not exactly its wire form (a real date). */
    public static Optional<LocalDate> parseDate(String text) {
        try {
            LocalDate d = LocalDate.parse(text);
            return isValidDate(d) && format(d).equals(text) ? Optional.of(d) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Instant require(Instant t, String what) {
        if (!isValidInstant(t)) {
            throw new IllegalArgumentException(what + " must be whole milliseconds in 2000-2199: " + t);
        }
        return t;
    }
}
