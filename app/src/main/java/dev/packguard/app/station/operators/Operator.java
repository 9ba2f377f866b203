package dev.packguard.app.station.operators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One person on a station's operators roster (docs/CONFIGURATION.md "Operators").
 *
 * @param badge what their badge scans as; the id the audit log records them by
 * @param name how the station shows them (sign-in line, pick-list)
 * @param role what they are at the pharmacy
 */
public record Operator(String badge, String name, Role role) {
    /** A badge id: what a badge scanner sends, and what the audit log keeps as operator. */
    public static final Pattern BADGE = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    /** Longest name. */
    public static final int MAX_NAME = 120;

    /** What an operator is at the pharmacy; {@link #wireName()} is how the file writes it. */
    public enum Role {
        TECHNICIAN, PHARMACIST;

        /** The role as the operators file and the CLI spell it. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role spelt {@code text} (exactly, lower case), if any. */
        public static Optional<Role> parse(String text) {
            return Arrays.stream(values()).filter(r -> r.wireName().equals(text)).findFirst();
        }
    }

    public Operator {
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (!BADGE.matcher(badge).matches()) {
            throw new IllegalArgumentException("not a badge id: " + badge);
        }
        if (!validName(name)) {
            throw new IllegalArgumentException("a name is 1 to " + MAX_NAME + " printable characters");
        }
    }

    /** Whether {@code name} may be an operator's name: 1 to {@link #MAX_NAME} printable characters, not blank. */
    public static boolean validName(String name) {
        return !name.isBlank() && name.length() <= MAX_NAME && name.chars().noneMatch(Character::isISOControl)
                && name.strip().equals(name);
    }
}
