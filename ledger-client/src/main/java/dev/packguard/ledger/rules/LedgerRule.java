package dev.packguard.ledger.rules;

import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rule 2, the ledger is usable: a verified checkpoint exists, no detected security failure (a
 * rollback or fork, with both signed notes as evidence) awaits the pharmacist in charge, and its
 * age is within policy. Age is
 * measured from the newest witness cosignature, else the station's verification time
 * (docs/CONFIGURATION.md).
 */
public final class LedgerRule {
    private LedgerRule() {}

    /** Outcome: a blocking reason (cannot verify), or usable with optional warnings. */
    public sealed interface Outcome {
        /** The ledger may be used; {@code warnings} holds {@link ReasonCode#LEDGER_STALE} when it is getting old. */
        record Usable(VerifiedCheckpoint checkpoint, List<Reason> warnings) implements Outcome {}

        /** Verification is blocked. */
        record Blocked(Reason reason) implements Outcome {}
    }

    /**
     * Judges the ledger.
     *
     * @param checkpoint the mirror's verified checkpoint, empty before the first sync
     * @param securityEvidence how many recorded security failures are not yet acknowledged by the
     *     pharmacist in charge
     */
    public static Outcome check(Optional<VerifiedCheckpoint> checkpoint, int securityEvidence, StationContext ctx) {
        if (securityEvidence > 0) {
            return new Outcome.Blocked(new Reason(ReasonCode.LEDGER_SECURITY_ALERT,
                    securityEvidence + " security failure(s) recorded in the mirror and not yet acknowledged"
                            + " (packguard ledger evidence)"));
        }
        if (checkpoint.isEmpty()) {
            return new Outcome.Blocked(new Reason(ReasonCode.LEDGER_NOT_SYNCED, "no verified checkpoint"));
        }
        Duration age = Duration.between(checkpoint.get().asOf(), ctx.now());
        String detail = "ledger as of " + checkpoint.get().asOf() + ", " + Math.max(0, age.toMinutes()) + " min old";
        if (age.compareTo(ctx.policies().blockAfter()) > 0) {
            return new Outcome.Blocked(new Reason(ReasonCode.LEDGER_TOO_OLD,
                    detail + ", limit " + ctx.policies().blockAfter().toHours() + " h"));
        }
        if (age.compareTo(ctx.policies().warnAfter()) > 0) {
            return new Outcome.Usable(checkpoint.get(), List.of(new Reason(ReasonCode.LEDGER_STALE, detail)));
        }
        return new Outcome.Usable(checkpoint.get(), List.of());
    }
}
