package dev.packguard.app.station.returns;

import dev.packguard.app.station.packing.UnitVerdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A verdict's reasons in the words of the returns bench: "dispensed by another pharmacy",
 * "return window exceeded on 2026-11-08", "recalled", "expired", "not dispensed". The rules'
 * advice is written for packing ("Do not dispense"), which is the wrong instruction here.
 *
 * <p>The facts (dates, locations) come from the rule's detail text (ledger-client
 * {@code StatusRule}, {@code DateRule}); when a detail is not in the expected form the words go
 * without the fact rather than guessing. The GUI tests run the real rules, so a change in those
 * texts shows up there.
 */
public final class ReturnReasons {
    private static final Pattern DISPENSED_ON = Pattern.compile("dispensed on (\\S+), window (\\d+) days");
    private static final Pattern DISPENSED_AT = Pattern.compile("dispensed at (\\d{13})");
    private static final Pattern RECALLED_BY = Pattern.compile("(unit|lot) recalled by ([^)]+?)\\)?$");
    private static final Pattern EXPIRED_ON = Pattern.compile("expired (\\d{4}-\\d{2}-\\d{2})");

    private ReturnReasons() {
    }

    /** One line per reason of {@code verdict} (none for a pass); dates in {@code zone}. */
    public static List<String> words(UnitVerdict verdict, ZoneId zone) {
        if (verdict instanceof UnitVerdict.Fail f) {
            return f.reasons().stream().map(r -> words(r, zone)).toList();
        }
        if (verdict instanceof UnitVerdict.CannotVerify c) {
            return List.of("Could not be verified: " + c.reason().message());
        }
        return List.of();
    }

    /** {@code reason} in the bench's words. */
    static String words(UnitVerdict.Reason reason, ZoneId zone) {
        String m = reason.message();
        return switch (reason.code()) {
            case "NOT_DISPENSED_HERE" -> "Dispensed by another pharmacy" + find(DISPENSED_AT, m, 1).map(g -> " (location " + g + ")")
                    .orElse("") + ", not by us: only the pharmacy that dispensed it may take it back.";
            case "NOT_DISPENSED" -> "Not dispensed: the ledger has no dispense of this pack in force, so it cannot be "
                    + "a patient's return.";
            case "RETURN_WINDOW_EXCEEDED" -> windowWords(m, zone);
            case "RECALLED" -> "Recalled" + recalledBy(m) + ": it must not go back to stock.";
            case "EXPIRED" -> "Expired" + find(EXPIRED_ON, m, 1).map(d -> " on " + d).orElse("") + ".";
            case "SHELF_LIFE_TOO_SHORT" -> "Expires too soon to be dispensed again: " + m;
            default -> m;
        };
    }

    private static String windowWords(String m, ZoneId zone) {
        Matcher x = DISPENSED_ON.matcher(m);
        if (x.find()) {
            try {
                Instant dispensed = Instant.parse(x.group(1));
                int days = Integer.parseInt(x.group(2));
                LocalDate on = LocalDate.ofInstant(dispensed, zone);
                LocalDate ended = LocalDate.ofInstant(dispensed.plus(Duration.ofDays(days)), zone);
                return "Return window exceeded on " + ended + ": dispensed on " + on + ", returns are taken for "
                        + days + " days.";
            } catch (DateTimeParseException | NumberFormatException e) {
                // fall through to the words without dates
            }
        }
        return "Return window exceeded: dispensed too long ago to go back to stock.";
    }

    private static String recalledBy(String m) {
        Matcher x = RECALLED_BY.matcher(m);
        return x.find() ? " (" + x.group(1) + " recalled by " + x.group(2) + ")" : "";
    }

    private static Optional<String> find(Pattern p, String m, int group) {
        Matcher x = p.matcher(m);
        return x.find() ? Optional.of(x.group(group)) : Optional.empty();
    }
}
