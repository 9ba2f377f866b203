package dev.packguard.scanner.gs1;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;

/** Dates in GS1 AI data (YYMMDD), GS1 General Specifications §7.12. */
public final class Gs1Dates {
    private Gs1Dates() {
    }

    /**
     * The full year of a two-digit year YY seen in {@code currentYear}: GS1 GenSpecs §7.12 puts it
     * in the century that makes it at most 49 years in the past and at most 50 years ahead
     * (difference 51..99 → previous century, -99..-50 → next century, else this one).
     */
    public static int resolveYear(int yy, Year currentYear) {
        if (yy < 0 || yy > 99) {
            throw new IllegalArgumentException("two-digit year out of range: " + yy);
        }
        int now = currentYear.getValue();
        int century = now - Math.floorMod(now, 100);
        int diff = yy - Math.floorMod(now, 100);
        if (diff >= 51) {
            century -= 100;
        } else if (diff <= -50) {
            century += 100;
        }
        return century + yy;
    }

    /**
     * A parsed YYMMDD: the date, and whether DD was 00.
     *
     * @param date        the calendar date; for DD=00 the last day of the month (GS1 GenSpecs §3.4.7)
     * @param dayWasZero  whether the code said DD=00
     */
    public record Yymmdd(LocalDate date, boolean dayWasZero) {
    }

    /**
     * Parses six ASCII digits YYMMDD. Returns empty when the month is not 01-12, or the day is
     * not a day of that month (00 only when {@code allowDayZero}). The caller guarantees six digits.
     */
    public static Optional<Yymmdd> parse(CharSequence s, int from, boolean allowDayZero, Year currentYear) {
        int yy = twoDigits(s, from);
        int mm = twoDigits(s, from + 2);
        int dd = twoDigits(s, from + 4);
        if (mm < 1 || mm > 12) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.of(resolveYear(yy, currentYear), mm);
        if (dd == 0) {
            return allowDayZero ? Optional.of(new Yymmdd(month.atEndOfMonth(), true)) : Optional.empty();
        }
        if (dd > month.lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(new Yymmdd(month.atDay(dd), false));
    }

    static int twoDigits(CharSequence s, int from) {
        return (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
    }
}
