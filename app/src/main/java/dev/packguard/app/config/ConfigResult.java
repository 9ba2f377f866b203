package dev.packguard.app.config;

import java.util.List;

/** A configuration file either parsed completely or refused with every problem found. */
public sealed interface ConfigResult {
    /** The file is valid. */
    record Valid(StationConfig config) implements ConfigResult {
    }

    /** The file was refused; {@code errors} names each bad field (never empty). */
    record Invalid(List<ConfigError> errors) implements ConfigResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has at least one error");
            }
        }

        /** All errors, one per line, for a terminal or a dialog. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            errors.forEach(e -> sb.append("  ").append(e).append('\n'));
            return sb.toString();
        }
    }
}
