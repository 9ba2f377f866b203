package dev.packguard.ledger.policy;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.proof.TlogProofParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks a C2SP tlog-proof file with nothing but a trust policy: the checkpoint in the file must
 * satisfy the policy (log signature, witness quorum), and the entry must hash into that
 * checkpoint's root through the file's inclusion proof (RFC 9162 §2.1.3.2). The entry is the
 * one given by the caller or, failing that, the file's {@code extra} data, as PackGuard writes it.
 */
public final class ProofFiles {
    private ProofFiles() {
    }

    /** The outcome of checking a proof file. */
    public sealed interface Result {
    }

    /** The entry is in the log, as of a checkpoint the policy trusts. */
    public record Verified(long index, byte[] entry, String origin, long size, Hash root, List<String> witnesses)
            implements Result {
    }

    /** The file is not a tlog-proof, or has no entry to check. */
    public record Malformed(String reason) implements Result {
    }

    /** The file is well formed, but its checkpoint or its inclusion proof does not hold. */
    public record Refused(String reason) implements Result {
    }

    /** Verifies {@code file} against {@code policy}; {@code entry} overrides the file's extra data. */
    public static Result verify(byte[] file, Policy policy, Optional<byte[]> entry) {
        Parsed<TlogProof> parsed = TlogProofParser.parse(file);
        if (parsed.failure().isPresent()) {
            return new Malformed("not a c2sp.org/tlog-proof@v1 file: " + parsed.failure().get());
        }
        TlogProof proof = parsed.ok().orElseThrow();
        Optional<byte[]> claimed = entry.or(proof::extra);
        if (claimed.isEmpty()) {
            return new Malformed("the proof carries no entry (no extra data) and none was given");
        }
        PolicyEvaluation eval = policy.evaluate(proof.checkpoint().getBytes(StandardCharsets.UTF_8));
        if (!(eval instanceof PolicyEvaluation.Satisfied ok)) {
            return new Refused("its checkpoint does not satisfy the policy: " + eval.explanation());
        }
        Checkpoint cp = ok.checkpoint().checkpoint();
        Hash root = Hash.of(cp.rootHash());
        ProofCheck check = proof.verifyInclusion(TreeHash.leafHash(claimed.get()), cp.size(), root);
        if (check instanceof ProofCheck.Rejected r) {
            return new Refused("the entry is not at index " + proof.index() + " of the checkpoint's tree ("
                    + r.reason() + ": " + r.detail() + ")");
        }
        return new Verified(proof.index(), claimed.get(), cp.origin(), cp.size(), root, ok.witnesses());
    }
}
