package dev.packguard.app.station;

import dev.packguard.ledger.mirror.SyncProgress;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the station knows about its ledger at one moment: the verified checkpoint (if any), how
 * the last sync went, and whether the knowledge is fresh enough to verify with. Immutable; the
 * {@link LedgerMonitor} publishes a new one on every change and on every clock tick.
 *
 * @param connection whether the last contact with the log worked
 * @param verified the newest verified checkpoint, empty before the first successful sync
 * @param age how old the verified knowledge is (from the newest witness cosignature)
 * @param freshness the age judged against the configured policy
 * @param syncing progress of a sync under way
 * @param alert a security failure (rollback, fork, bad data) that blocks verification
 * @param detail a plain-language line on the last sync
 */
public record LedgerState(Connection connection, Optional<VerifiedCheckpoint> verified, Optional<Duration> age,
        Freshness freshness, Optional<SyncProgress> syncing, Optional<String> alert, String detail) {

    /** The link to the log as of the last attempt. */
    public enum Connection {
        /** No sync has been attempted yet. */
        UNKNOWN,
        /** The last sync reached the log. */
        ONLINE,
        /** The last sync could not reach the log; the local copy is used. */
        OFFLINE
    }

    /** The age of the verified knowledge against the station's policy. */
    public enum Freshness {
        /** Within {@code ledger.warnAfterHours}. */
        FRESH,
        /** Older than the warning age: verification still works, the operator is told. */
        STALE_WARN,
        /** Older than the blocking age, or nothing verified yet: verification is blocked. */
        BLOCKED
    }

    public LedgerState {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(syncing, "syncing");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(detail, "detail");
    }

    /** Judges {@code verified}'s age at {@code now} against the warn and block limits. */
    static Freshness freshness(Optional<VerifiedCheckpoint> verified, Instant now, Duration warnAfter, Duration blockAfter) {
        if (verified.isEmpty()) {
            return Freshness.BLOCKED;
        }
        Duration age = Duration.between(verified.get().asOf(), now);
        if (age.compareTo(blockAfter) > 0) {
            return Freshness.BLOCKED;
        }
        return age.compareTo(warnAfter) > 0 ? Freshness.STALE_WARN : Freshness.FRESH;
    }

    /** True when packs may be verified against this ledger (no alert, not too old). */
    public boolean usable() {
        return alert.isEmpty() && freshness != Freshness.BLOCKED;
    }

    /** One line for the status bar, e.g. "Online · 1,000,000 entries · verified 3 h 12 min ago". */
    public String summary() {
        if (alert.isPresent()) {
            return "SECURITY ALERT · verification blocked";
        }
        StringBuilder sb = new StringBuilder(switch (connection) {
            case UNKNOWN -> "Connecting";
            case ONLINE -> "Online";
            case OFFLINE -> "Offline";
        });
        if (verified.isEmpty()) {
            return sb.append(" · no verified ledger yet").toString();
        }
        sb.append(String.format(" · %,d entries · verified %s ago", verified.get().size(),
                Ages.describe(age.orElse(Duration.ZERO))));
        if (freshness == Freshness.BLOCKED) {
            sb.append(" · TOO OLD");
        }
        return sb.toString();
    }
}
