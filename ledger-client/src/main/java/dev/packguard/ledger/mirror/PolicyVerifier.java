package dev.packguard.ledger.mirror;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyEvaluation;
import dev.packguard.ledger.tlog.Hash;
import java.util.Objects;

/**
 * The mirror's checkpoint check backed by a trust {@link Policy} (C2SP tlog-policy): the note
 * must carry a valid signature by the log and enough witness cosignatures to meet the quorum.
 */
public final class PolicyVerifier implements CheckpointVerifier {
    private final Policy policy;

    public PolicyVerifier(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Check verify(byte[] note) {
        PolicyEvaluation result = policy.evaluate(note);
        if (result instanceof PolicyEvaluation.Satisfied ok) {
            Checkpoint cp = ok.checkpoint().checkpoint();
            return new Accepted(cp.origin(), cp.size(), Hash.of(cp.rootHash()), ok.checkpoint().newestCosignatureTime());
        }
        return new Rejected(result.explanation());
    }
}
