package dev.packguard.scanner.gs1;

import dev.packguard.scanner.CheckDigits;
import dev.packguard.scanner.ParseError.Rule;
import java.time.Year;
import java.util.Optional;
import java.util.Set;

/**
 * The content rules applied to single components of AI data, named as in the GS1 Barcode
 * Syntax Tests: check digits (GS1 GenSpecs §7.9), dates and times (§7.12), and a few
 * structural rules. Country, currency, IBAN and coupon content rules are not applied.
 */
final class ContentChecks {
    private static final Set<String> KNOWN = Set.of(
            "csum", "yymmd0", "yymmdd", "yymmddhh", "hhmm", "mmoptss",
            "yesno", "pieceoftotal", "hyphen", "zero", "nonzero", "nozeroprefix");

    /** A broken rule: which one, at which offset inside the component, and why. */
    record Violation(Rule rule, int offset, String message) {
    }

    private ContentChecks() {
    }

    static void requireKnown(String check) {
        if (!KNOWN.contains(check)) {
            throw new IllegalArgumentException("unknown content check " + check);
        }
    }

    /** Applies {@code check} to {@code value} (whose characters already match the component type). */
    static Optional<Violation> apply(String check, String value, Year currentYear) {
        return switch (check) {
            case "csum" -> CheckDigits.hasValidGs1CheckDigit(value) ? Optional.empty()
                    : violation(Rule.CHECK_DIGIT, value.length() - 1,
                            "check digit should be " + CheckDigits.gs1Mod10(value, value.length() - 1));
            case "yymmd0" -> date(value, true, currentYear);
            case "yymmdd" -> date(value, false, currentYear);
            case "yymmddhh" -> date(value.substring(0, 6), false, currentYear)
                    .or(() -> Gs1Dates.twoDigits(value, 6) > 23
                            ? violation(Rule.INVALID_TIME, 6, "hour must be 00-23") : Optional.empty());
            case "hhmm" -> Gs1Dates.twoDigits(value, 0) > 23 ? violation(Rule.INVALID_TIME, 0, "hour must be 00-23")
                    : Gs1Dates.twoDigits(value, 2) > 59 ? violation(Rule.INVALID_TIME, 2, "minute must be 00-59")
                    : Optional.empty();
            case "mmoptss" -> mmoptss(value);
            case "yesno" -> value.equals("0") || value.equals("1") ? Optional.empty()
                    : violation(Rule.INVALID_CHARACTER, 0, "must be 0 (no) or 1 (yes)");
            case "pieceoftotal" -> pieceOfTotal(value);
            case "hyphen" -> value.equals("-") ? Optional.empty()
                    : violation(Rule.INVALID_CHARACTER, 0, "must be '-' (a negative temperature)");
            case "zero" -> value.equals("0") ? Optional.empty() : violation(Rule.INVALID_CHARACTER, 0, "must be 0");
            case "nonzero" -> value.chars().allMatch(c -> c == '0')
                    ? violation(Rule.INVALID_CHARACTER, 0, "must not be zero") : Optional.empty();
            case "nozeroprefix" -> value.length() > 1 && value.charAt(0) == '0'
                    ? violation(Rule.INVALID_CHARACTER, 0, "must not start with 0") : Optional.empty();
            default -> throw new IllegalStateException("unknown content check " + check);
        };
    }

    private static Optional<Violation> date(String value, boolean allowDayZero, Year currentYear) {
        if (Gs1Dates.parse(value, 0, allowDayZero, currentYear).isPresent()) {
            return Optional.empty();
        }
        return violation(Rule.INVALID_DATE, 0, "'" + value + "' is not a valid date YYMMDD"
                + (allowDayZero ? " (DD may be 00)" : ""));
    }

    private static Optional<Violation> mmoptss(String value) {
        if (value.length() != 2 && value.length() != 4) {
            return violation(Rule.INVALID_TIME, 0, "must be MM or MMSS");
        }
        if (Gs1Dates.twoDigits(value, 0) > 59) {
            return violation(Rule.INVALID_TIME, 0, "minute must be 00-59");
        }
        if (value.length() == 4 && Gs1Dates.twoDigits(value, 2) > 59) {
            return violation(Rule.INVALID_TIME, 2, "second must be 00-59");
        }
        return Optional.empty();
    }

    private static Optional<Violation> pieceOfTotal(String value) {
        int piece = Gs1Dates.twoDigits(value, 0);
        int total = Gs1Dates.twoDigits(value, 2);
        if (piece == 0 || total == 0 || piece > total) {
            return violation(Rule.INVALID_CHARACTER, 0, "piece " + piece + " of total " + total + " is impossible");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(Rule rule, int offset, String message) {
        return Optional.of(new Violation(rule, offset, message));
    }
}
