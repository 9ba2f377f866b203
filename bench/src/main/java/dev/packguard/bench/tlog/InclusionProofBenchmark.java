package dev.packguard.bench.tlog;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.InclusionProof;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.Proofs;
import dev.packguard.ledger.tlog.TreeHash;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One RFC 6962 inclusion-proof check (RFC 9162 §2.1.3.2) in a tree of 1,000,000 leaves: 20
 * node hashes and a root comparison. Target: at most 50 µs per check (docs/PERFORMANCE.md).
 * Proofs for 1,024 random leaves are prepared once and checked in turn, so the measurement
 * is not one cached path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class InclusionProofBenchmark {

    private static final int TREE_SIZE = 1_000_000;
    private static final int PROOFS = 1024;

    private final InclusionProof[] proofs = new InclusionProof[PROOFS];
    private final Hash[] leaves = new Hash[PROOFS];
    private Hash root;
    private int next;

    /** Builds the tree and the proofs; not measured. */
    @Setup(Level.Trial)
    public void buildTree() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < TREE_SIZE; i++) {
            tree.appendEntry(ByteBuffer.allocate(8).putLong(i).array());
        }
        root = tree.root();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < PROOFS; i++) {
            long index = random.nextLong(TREE_SIZE);
            proofs[i] = tree.inclusionProof(index, TREE_SIZE);
            leaves[i] = TreeHash.leafHash(ByteBuffer.allocate(8).putLong(index).array());
        }
    }

    /** Verifies the next prepared proof against the root. */
    @Benchmark
    public ProofCheck verifyInclusion() {
        int i = next++ & (PROOFS - 1);
        InclusionProof p = proofs[i];
        ProofCheck check = Proofs.verifyInclusion(leaves[i], p.index(), p.treeSize(), p.path(), root);
        if (!check.verified()) {
            throw new IllegalStateException("prepared proof failed: " + check);
        }
        return check;
    }
}
