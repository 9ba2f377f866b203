package dev.packguard.app.station.operators;

import dev.packguard.app.station.files.EntryListFile;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may sign in at a station (issue 7: "the operator identifies: badge scan, or pick from a
 * list"), the one rule the packing screen and the returns bench both apply. Without a roster
 * ({@code station.operators} not set) any well-formed badge id signs in, as before there were
 * rosters. With one, only the badges on it do, whether scanned or picked from the list; anything
 * else is refused with a sentence saying what to do. A configured roster that cannot be read
 * lets nobody in: a station that was told who may work there must not fall back to "anyone".
 * Immutable; thread-safe.
 */
public final class OperatorRoster {
    /** The command that adds an operator, for the sentences that say what to do. */
    public static final String HOW_TO_ADD = "packguard operator add";

    private final Optional<Path> file;
    private final List<Operator> byName;
    private final Map<String, Operator> byBadge = new HashMap<>();
    private final Optional<String> unusable;

    private OperatorRoster(Optional<Path> file, List<Operator> operators, Optional<String> unusable) {
        this.file = file;
        this.byName = operators.stream().sorted(Comparator.comparing((Operator o) -> o.name().toLowerCase(Locale.ROOT))
                .thenComparing(Operator::name)).toList();
        for (Operator o : operators) {
            if (byBadge.put(key(o.badge()), o) != null) {
                throw new IllegalArgumentException("badge " + o.badge() + " is listed twice");
            }
        }
        this.unusable = unusable;
    }

    /** No roster: any well-formed badge id signs in, shown by its id. */
    public static OperatorRoster open() {
        return new OperatorRoster(Optional.empty(), List.of(), Optional.empty());
    }

    /** The roster read from {@code file}: only these operators sign in. */
    public static OperatorRoster of(Path file, List<Operator> operators) {
        return new OperatorRoster(Optional.of(file), operators, Optional.empty());
    }

    /** A roster configured at {@code file} that cannot be used, for {@code why}: nobody signs in. */
    public static OperatorRoster unusable(Path file, String why) {
        return new OperatorRoster(Optional.of(file), List.of(), Optional.of(Objects.requireNonNull(why, "why")));
    }

    /**
     * The roster for a station's {@code station.operators} setting: {@link #open()} when it is not
     * set, else the file's operators, or {@link #unusable} saying what is wrong with the file.
     * Blocking (file read): call off the FX thread.
     */
    public static OperatorRoster forStation(Optional<Path> configured) {
        if (configured.isEmpty()) {
            return open();
        }
        Path path = configured.get();
        EntryListFile.Read<Operator> read = OperatorsFile.read(path);
        if (read instanceof EntryListFile.Read.Loaded<Operator> l) {
            return of(path, l.entries());
        }
        if (read instanceof EntryListFile.Read.Missing<Operator> m) {
            return unusable(path, "station.operators names " + m.file() + ", which does not exist. The pharmacist in "
                    + "charge creates it with \"" + HOW_TO_ADD + "\".");
        }
        return unusable(path, ((EntryListFile.Read.Invalid<Operator>) read).describe() + ". The pharmacist in charge must fix it "
                + "(station.operators).");
    }

    /** True when the station has a roster (configured, even if unusable): the pick-list is shown. */
    public boolean configured() {
        return file.isPresent();
    }

    /** The operators for the pick-list, by name; empty without a roster. */
    public List<Operator> pickList() {
        return byName;
    }

    /**
     * The pick-list narrowed to what the operator typed: the names containing every word of
     * {@code typed}, upper and lower case alike, in list order. Blank text gives the whole list.
     */
    public List<Operator> matching(String typed) {
        List<String> words = java.util.Arrays.stream(typed.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
        return byName.stream().filter(o -> {
            String name = o.name().toLowerCase(Locale.ROOT);
            return words.stream().allMatch(name::contains);
        }).toList();
    }

    /** Why nobody can sign in, when the configured roster cannot be used. */
    public Optional<String> problem() {
        return unusable;
    }

    /** The operator whose badge is {@code badge} (upper and lower case alike), if on the roster. */
    public Optional<Operator> find(String badge) {
        return Optional.ofNullable(byBadge.get(key(badge)));
    }

    /** How the station shows {@code badge}: the operator's name and badge with a roster, else the badge id. */
    public String shown(String badge) {
        return find(badge).map(o -> o.name() + " (" + o.badge() + ")").orElse(badge);
    }

    /** The name to greet {@code badge} by: the operator's name, else the badge id. */
    public String nameOf(String badge) {
        return find(badge).map(Operator::name).orElse(badge);
    }

    /** Whether {@code text}, arrived {@code how}, may sign in; the answer says who, or why not. */
    public SignIn signIn(String text, SignInMethod how) {
        Objects.requireNonNull(how, "how");
        String badge = text.strip();
        if (unusable.isPresent()) {
            return new SignIn.Refused("Nobody can sign in at this station: " + unusable.get(), Optional.empty(), how);
        }
        if (!Operator.BADGE.matcher(badge).matches()) {
            return new SignIn.Refused(configured() ? "That is not a badge. Scan your badge, or pick your name from the "
                    + "list, to sign in." : "That is not a badge. Scan your badge to sign in.", Optional.empty(), how);
        }
        if (!configured()) {
            return new SignIn.Accepted(badge, Optional.empty(), how);
        }
        return find(badge).<SignIn>map(o -> new SignIn.Accepted(o.badge(), Optional.of(o), how))
                .orElseGet(() -> new SignIn.Refused("Badge \"" + badge + "\" is not registered at this station; ask the "
                        + "pharmacist in charge to add it with \"" + HOW_TO_ADD + "\".", Optional.of(badge), how));
    }

    private static String key(String badge) {
        return badge.toLowerCase(Locale.ROOT);
    }

    /** The answer of {@link #signIn}. */
    public sealed interface SignIn {
        /**
         * {@code badge} may sign in: the roster's spelling of it when there is a roster.
         *
         * @param operator the roster's entry; empty without a roster
         */
        record Accepted(String badge, Optional<Operator> operator, SignInMethod how) implements SignIn {
            public Accepted {
                Objects.requireNonNull(badge, "badge");
                Objects.requireNonNull(operator, "operator");
                Objects.requireNonNull(how, "how");
            }

            /** The name to show: the operator's name, else the badge id. */
            public String name() {
                return operator.map(Operator::name).orElse(badge);
            }

            /**
             * The audit record's detail for the sign-in: {@code event} (e.g. "signed in at Packing 1"),
             * how, and with a roster who the badge belongs to.
             */
            public String auditDetail(String event) {
                return event + " (" + how.words() + ")"
                        + operator.map(o -> ": " + o.name() + ", " + o.role().wireName()).orElse("");
            }
        }

        /**
         * Not signed in, for {@code why} (a sentence for the screen).
         *
         * @param badge the well-formed badge id that was refused, which goes on the audit log; empty
         *     for text that is no badge at all (a pack code scanned too early)
         */
        record Refused(String why, Optional<String> badge, SignInMethod how) implements SignIn {
            public Refused {
                Objects.requireNonNull(why, "why");
                Objects.requireNonNull(badge, "badge");
                Objects.requireNonNull(how, "how");
            }

            /** The audit record's detail for the refusal: {@code event} (e.g. "sign-in refused at Packing 1"), how, why. */
            public String auditDetail(String event) {
                return event + " (" + how.words() + "): " + why;
            }
        }
    }
}
