package dev.packguard.app.station.publish;

import dev.packguard.app.station.Ages;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the station's own statements stand, for the status bar: how many wait to be published
 * and since when, how many the node refused (each needs a pharmacist), the last failure to reach
 * the node, and why the station cannot sign, if it cannot.
 *
 * @param lastRefusal the node's reason for the latest refused entry
 * @param lastError why the last attempt to publish did not get through (node down, busy, timed out)
 * @param signingProblem why the station cannot sign new statements ({@code station.signingKey})
 */
public record PublishStatus(int pending, Optional<Instant> oldestPending, int refused, Optional<String> lastRefusal,
        Optional<String> lastError, Optional<String> signingProblem) {

    /** How the status line is drawn. */
    public enum Level {
        /** Everything published, or being published. */
        OK,
        /** Statements wait (the node is unreachable), or the station cannot sign. */
        WARN,
        /** The node refused a statement: a pharmacist must act. */
        ALERT
    }

    public PublishStatus {
        Objects.requireNonNull(oldestPending, "oldestPending");
        Objects.requireNonNull(lastRefusal, "lastRefusal");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(signingProblem, "signingProblem");
        if (pending < 0 || refused < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** Nothing known yet (before the first look at the outbox). */
    public static PublishStatus unknown() {
        return new PublishStatus(0, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The level for colour and icon. */
    public Level level() {
        if (refused > 0) {
            return Level.ALERT;
        }
        return signingProblem.isPresent() || (pending > 0 && lastError.isPresent()) ? Level.WARN : Level.OK;
    }

    /**
     * One line for the status bar, e.g. "3 statements waiting to be published (oldest 2 h 5 min)"
     * or "All statements published".
     */
    public String summary(Instant now) {
        StringBuilder b = new StringBuilder();
        if (pending == 0) {
            b.append(refused == 0 ? "All statements published" : "None waiting");
        } else {
            b.append(pending).append(pending == 1 ? " statement" : " statements").append(" waiting to be published");
            oldestPending.ifPresent(t -> b.append(" (oldest ").append(Ages.describe(Duration.between(t, now))).append(')'));
        }
        if (refused > 0) {
            b.append(" · ").append(refused).append(refused == 1 ? " statement" : " statements")
                    .append(" REFUSED by the ledger: pharmacist must act");
        }
        if (signingProblem.isPresent()) {
            b.append(" · cannot sign new statements");
        }
        return b.toString();
    }

    /** The details under the line: the refusal, the last error and the signing problem, as far as there are any. */
    public String detail() {
        StringBuilder b = new StringBuilder();
        lastRefusal.filter(r -> refused > 0).ifPresent(r -> b.append("Refused: ").append(r).append(' '));
        lastError.filter(e -> pending > 0).ifPresent(e -> b.append("Not published yet: ").append(e).append(' '));
        signingProblem.ifPresent(s -> b.append(s));
        return b.toString().strip();
    }
}
