package dev.packguard.ledger.mirror;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyEvaluation;
import dev.packguard.ledger.tlog.Hash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The mirror's checkpoint check backed by a trust {@link Policy} (C2SP tlog-policy): the note
 * must carry a valid signature by the log and enough witness cosignatures to meet the quorum.
 */
public final class PolicyVerifier implements CheckpointVerifier {
    /** How far a witness's clock may run ahead of the station's before its timestamp is refused. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final Policy policy;
    private final Clock clock;

    /** Checks against {@code policy}, judging witness timestamps by the system clock. */
    public PolicyVerifier(Policy policy) {
        this(policy, Clock.systemUTC());
    }

    public PolicyVerifier(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Check verify(byte[] note) {
        PolicyEvaluation result = policy.evaluate(note);
        if (result instanceof PolicyEvaluation.Satisfied ok) {
            Checkpoint cp = ok.checkpoint().checkpoint();
            Optional<Instant> witnessed = ok.checkpoint().newestCosignatureTime();
            Instant latest = clock.instant().plus(MAX_CLOCK_SKEW);
            if (witnessed.isPresent() && witnessed.get().isAfter(latest)) {
                // c2sp.org/tlog-cosignature lets verifiers refuse future timestamps; accepting one would
                // make a frozen log look fresh until that date.
                return new Rejected("a witness cosigned it with the timestamp " + witnessed.get()
                        + ", in the future by this station's clock (" + clock.instant() + "); check the station's "
                        + "clock, or the witness's");
            }
            return new Accepted(cp.origin(), cp.size(), Hash.of(cp.rootHash()), witnessed);
        }
        return new Rejected(result.explanation());
    }
}
