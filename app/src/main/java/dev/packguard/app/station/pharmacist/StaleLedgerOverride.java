package dev.packguard.app.station.pharmacist;

import dev.packguard.app.station.Ages;
import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditException;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.packing.PharmacistPins;
import dev.packguard.app.station.packing.PinCheck;
import dev.packguard.app.station.packing.StaleLedgerAllowance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The pharmacist's stale-ledger override (issue 7: "block above Y hours, pharmacist override with
 * a reason, recorded"; DESIGN.md rule 2). When the ledger is blocked by its age alone, a
 * pharmacist (id, PIN, a written reason) may allow verification against it until it is fresh
 * again or for {@link #MAX} at most. A security alert, or no verified ledger at all, can never be
 * overridden: the alert keeps its own acknowledgement. The grant and every refused attempt are
 * on the audit log, with the checkpoint; the PIN never is. While active, every verdict carries
 * {@link Grant#warning}. Thread-safe: packing asks it on its worker, the screens on the FX thread.
 */
public final class StaleLedgerOverride implements StaleLedgerAllowance {
    /** The longest an override lasts. */
    public static final Duration MAX = Duration.ofHours(8);
    /** The shortest reason accepted: a word or two is not a reason an auditor can follow up. */
    public static final int MIN_REASON = 10;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** An override in force: who allowed it, why, when it ends, and the checkpoint it was granted on. */
    public record Grant(String pharmacistId, String pharmacistName, String reason, Instant grantedAt, Instant until,
            CheckpointRef checkpoint, Instant ledgerAsOf) {
        public Grant {
            Objects.requireNonNull(pharmacistId, "pharmacistId");
            Objects.requireNonNull(pharmacistName, "pharmacistName");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(grantedAt, "grantedAt");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(ledgerAsOf, "ledgerAsOf");
        }

        /** The line every verdict shows while the override is in force. */
        public String warning(Instant now) {
            return "Verified against a ledger " + Ages.describe(Duration.between(ledgerAsOf, now)) + " old (override by "
                    + pharmacistName + ": " + reason + "; until " + HOUR.format(until) + ").";
        }
    }

    /** What a request for an override gave. */
    public sealed interface Outcome {
        /** In force from now. */
        record Granted(Grant grant) implements Outcome {
        }

        /** Not granted, for {@code why} (recorded, unless the audit log could not be written). */
        record Refused(String why) implements Outcome {
        }
    }

    private final AuditLog audit;
    private final PharmacistPins pins;
    private final Clock clock;
    private Optional<Grant> grant = Optional.empty();

    public StaleLedgerOverride(AuditLog audit, PharmacistPins pins, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.pins = Objects.requireNonNull(pins, "pins");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code state} is one an override can lift: blocked by age only, with a verified checkpoint. */
    public static boolean overridable(LedgerState state) {
        return state.alert().isEmpty() && state.verified().isPresent() && state.freshness() == LedgerState.Freshness.BLOCKED;
    }

    /**
     * Asks for an override of {@code state} by pharmacist {@code pharmacistId} with {@code pin}
     * (cleared here) for {@code reason}. Blocking (PBKDF2, audit write): call off the FX thread.
     */
    public synchronized Outcome grant(String pharmacistId, char[] pin, String reason, LedgerState state) {
        try {
            String why = reason == null ? "" : reason.strip();
            Instant now = clock.instant();
            Optional<CheckpointRef> cp = state.verified().map(CheckpointRef::of);
            String actor = pharmacistId != null && PharmacistsFile.ID.matcher(pharmacistId.strip()).matches()
                    ? pharmacistId.strip() : "unknown";
            if (state.alert().isPresent()) {
                return refused(actor, cp, "A security alert on the ledger cannot be overridden: the pharmacist in charge "
                        + "must investigate and acknowledge it (packguard ledger evidence).");
            }
            if (state.verified().isEmpty()) {
                return refused(actor, cp, "There is no verified ledger to verify against; it must be synced first.");
            }
            if (state.freshness() != LedgerState.Freshness.BLOCKED) {
                return new Outcome.Refused("The ledger is not blocked: no override is needed.");
            }
            if (why.length() < MIN_REASON) {
                return new Outcome.Refused("Write the reason for the override (at least " + MIN_REASON + " characters).");
            }
            PinCheck auth = pins.authorise(actor, pin, now);
            if (!(auth instanceof PinCheck.Accepted a)) {
                return refused(actor, cp, auth.why());
            }
            Grant g = new Grant(a.pharmacist().id(), a.pharmacist().name(), why, now, now.plus(MAX), cp.get(),
                    state.verified().get().asOf());
            audit.append(new AuditEntry(AuditKind.OVERRIDE, g.pharmacistId(), "stale ledger", "GRANTED until " + g.until()
                    + " with the ledger " + Ages.describe(Duration.between(g.ledgerAsOf(), now)) + " old, by "
                    + g.pharmacistName() + ": " + why, cp));
            grant = Optional.of(g);
            return new Outcome.Granted(g);
        } catch (AuditException e) {
            return new Outcome.Refused("The override is not in force: it could not be recorded. " + e.getMessage());
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /**
     * The override in force for {@code state} now. It ends for good once time is up, the ledger
     * is fresh again, or a security alert is raised (which an override must never outlive).
     */
    public synchronized Optional<Grant> active(LedgerState state) {
        if (grant.isPresent() && (!clock.instant().isBefore(grant.get().until()) || !overridable(state))) {
            grant = Optional.empty();
        }
        return grant;
    }

    /** The allowance packing consults: the ledger's age when the override ends, and the warning. */
    @Override
    public Optional<Allowance> allowance(LedgerState state) {
        Instant now = clock.instant();
        return active(state).map(g -> new Allowance(Duration.between(g.ledgerAsOf(), g.until()), g.warning(now)));
    }

    /** For the ledger pill and the packing screen: the warning while an override is in force for {@code state}. */
    public Optional<String> describe(LedgerState state) {
        return active(state).map(g -> g.warning(clock.instant()));
    }

    private Outcome refused(String actor, Optional<CheckpointRef> cp, String why) throws AuditException {
        audit.append(new AuditEntry(AuditKind.OVERRIDE, actor, "stale ledger", "REFUSED: " + why, cp));
        return new Outcome.Refused(why);
    }
}
