package dev.packguard.ledger.tlog;

import static dev.packguard.ledger.tlog.ReferenceVectors.ROOTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProofsTest {

    private static final Hash SOME_HASH = ReferenceVectors.hash(
            "abacaba000000000000000000000000000000000000000000060061e00123456");

    static Stream<ReferenceVectors.Inclusion> inclusionVectors() {
        return ReferenceVectors.INCLUSION.stream();
    }

    static Stream<ReferenceVectors.Consistency> consistencyVectors() {
        return ReferenceVectors.CONSISTENCY.stream();
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusionProof_producesThePublishedPath(ReferenceVectors.Inclusion v) {
        MemoryTree tree = ReferenceVectors.referenceTree();

        assertThat(tree.inclusionProof(v.index(), v.size()).path()).isEqualTo(v.path());
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void verifyInclusion_acceptsPublishedProof_andRejectsEveryCorruption(ReferenceVectors.Inclusion v) {
        Hash leaf = ReferenceVectors.leafHash(v.index());
        Hash root = ROOTS.get((int) v.size() - 1);

        assertThat(Proofs.verifyInclusion(leaf, v.index(), v.size(), v.path(), root).verified()).isTrue();
        for (Probe p : inclusionCorruptions(v, leaf, root)) {
            assertThat(Proofs.verifyInclusion(p.leaf, p.index, p.size, p.path, p.root).verified())
                    .as(p.description).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistencyProof_producesThePublishedPath(ReferenceVectors.Consistency v) {
        MemoryTree tree = ReferenceVectors.referenceTree();

        assertThat(tree.consistencyProof(v.oldSize(), v.newSize()).path()).isEqualTo(v.path());
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void verifyConsistency_acceptsPublishedProof_andRejectsEveryCorruption(ReferenceVectors.Consistency v) {
        Hash oldRoot = ROOTS.get((int) v.oldSize() - 1);
        Hash newRoot = ROOTS.get((int) v.newSize() - 1);

        assertThat(Proofs.verifyConsistency(v.oldSize(), v.newSize(), oldRoot, newRoot, v.path()).verified()).isTrue();
        if (v.path().isEmpty()) {
            return;
        }
        for (Probe p : consistencyCorruptions(v, oldRoot, newRoot)) {
            assertThat(Proofs.verifyConsistency(p.index, p.size, p.leaf, p.root, p.path).verified())
                    .as(p.description).isFalse();
        }
    }

    @Test
    void verifyInclusion_rejectsOutOfRangeIndexWithReason() {
        ProofCheck check = Proofs.verifyInclusion(SOME_HASH, 1, 1, List.of(), SOME_HASH);

        assertThat(check).isInstanceOf(ProofCheck.Rejected.class)
                .extracting(c -> ((ProofCheck.Rejected) c).reason()).isEqualTo(ProofCheck.Reason.INDEX_OUT_OF_RANGE);
    }

    @Test
    void verifyInclusion_singleLeafTreeNeedsNoPath() {
        Hash leaf = TreeHash.leafHash("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(Proofs.verifyInclusion(leaf, 0, 1, List.of(), leaf).verified()).isTrue();
        assertThat(Proofs.verifyInclusion(leaf, 0, 1, List.of(), SOME_HASH).verified()).isFalse();
        assertThat(Proofs.verifyInclusion(leaf, 0, 1, List.of(leaf), leaf).verified()).isFalse();
    }

    @Test
    void verifyConsistency_handlesTrivialSizes() {
        Hash empty = TreeHash.emptyRoot();

        assertThat(Proofs.verifyConsistency(0, 0, empty, empty, List.of()).verified()).isTrue();
        assertThat(Proofs.verifyConsistency(0, 5, empty, SOME_HASH, List.of()).verified()).isTrue();
        assertThat(Proofs.verifyConsistency(0, 5, SOME_HASH, SOME_HASH, List.of()).verified()).isFalse();
        assertThat(Proofs.verifyConsistency(3, 3, SOME_HASH, SOME_HASH, List.of()).verified()).isTrue();
        assertThat(Proofs.verifyConsistency(3, 3, SOME_HASH, empty, List.of()))
                .isEqualTo(new ProofCheck.Rejected(ProofCheck.Reason.ROOT_MISMATCH,
                        "same size 3, different roots: a fork"));
        assertThat(Proofs.verifyConsistency(3, 3, SOME_HASH, SOME_HASH, List.of(empty)).verified()).isFalse();
        assertThat(Proofs.verifyConsistency(1, 2, SOME_HASH, empty, List.of()).verified()).isFalse();
        assertThat(((ProofCheck.Rejected) Proofs.verifyConsistency(5, 3, SOME_HASH, SOME_HASH, List.of())).reason())
                .isEqualTo(ProofCheck.Reason.SIZE_DECREASED);
    }

    @Test
    void producedProofs_verifyForEverySizeAndIndexUpTo70() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 70; i++) {
            tree.appendEntry(new byte[] {(byte) i, (byte) (i >> 8)});
        }
        for (long n = 1; n <= 70; n++) {
            Hash root = tree.root(n);
            for (long i = 0; i < n; i++) {
                InclusionProof proof = tree.inclusionProof(i, n);
                assertThat(proof.verify(tree.subtree(0, i), root).verified()).as("leaf %d of %d", i, n).isTrue();
                assertThat(proof.verify(tree.subtree(0, (i + 1) % n), root).verified()).isEqualTo(n == 1);
            }
            for (long m = 0; m <= n; m++) {
                ConsistencyProof proof = tree.consistencyProof(m, n);
                assertThat(proof.verify(tree.root(m), root).verified()).as("%d -> %d", m, n).isTrue();
                if (m > 0 && m < n) {
                    assertThat(proof.verify(tree.root(m - 1), root).verified()).isFalse();
                }
            }
        }
    }

    private record Probe(String description, long index, long size, Hash leaf, Hash root, List<Hash> path) {
    }

    // The same corruptions as the reference suite: wrong index, size, leaf, root, extra,
    // missing and altered hashes.
    private static List<Probe> inclusionCorruptions(ReferenceVectors.Inclusion v, Hash leaf, Hash root) {
        long i = v.index();
        long n = v.size();
        List<Hash> p = v.path();
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("index - 1", i - 1, n, leaf, root, p),
                new Probe("index + 1", i + 1, n, leaf, root, p),
                new Probe("index ^ 2", i ^ 2, n, leaf, root, p),
                new Probe("size * 2", i, n * 2, leaf, root, p),
                new Probe("size / 2", i, n / 2, leaf, root, p),
                new Probe("wrong leaf", i, n, SOME_HASH, root, p),
                new Probe("empty root", i, n, leaf, TreeHash.emptyRoot(), p),
                new Probe("random root", i, n, leaf, SOME_HASH, p),
                new Probe("trailing root", i, n, leaf, root, with(p, p.size(), root)),
                new Probe("preceding root", i, n, leaf, root, with(p, 0, root))));
        for (int k = 0; k < p.size(); k++) {
            probes.add(new Probe("flipped bit in " + k, i, n, leaf, root, flipped(p, k)));
        }
        if (!p.isEmpty()) {
            probes.add(new Probe("removed last", i, n, leaf, root, p.subList(0, p.size() - 1)));
            probes.add(new Probe("inserted", i, n, leaf, root, with(p, 1, SOME_HASH)));
        }
        return probes;
    }

    // Probe fields reused: index = old size, size = new size, leaf = old root, root = new root.
    private static List<Probe> consistencyCorruptions(ReferenceVectors.Consistency v, Hash oldRoot, Hash newRoot) {
        long m = v.oldSize();
        long n = v.newSize();
        List<Hash> p = v.path();
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("old - 1", m - 1, n, oldRoot, newRoot, p),
                new Probe("old + 1", m + 1, n, oldRoot, newRoot, p),
                new Probe("old ^ 2", m ^ 2, n, oldRoot, newRoot, p),
                new Probe("new * 2", m, n * 2, oldRoot, newRoot, p),
                new Probe("new / 2", m, n / 2, oldRoot, newRoot, p),
                new Probe("wrong old root", m, n, SOME_HASH, newRoot, p),
                new Probe("wrong new root", m, n, oldRoot, SOME_HASH, p),
                new Probe("swapped roots", m, n, newRoot, oldRoot, p),
                new Probe("empty proof", m, n, oldRoot, newRoot, List.of()),
                new Probe("trailing old root", m, n, oldRoot, newRoot, with(p, p.size(), oldRoot)),
                new Probe("trailing new root", m, n, oldRoot, newRoot, with(p, p.size(), newRoot)),
                new Probe("preceding old root", m, n, oldRoot, newRoot, with(p, 0, oldRoot)),
                new Probe("preceding new root", m, n, oldRoot, newRoot, with(p, 0, newRoot)),
                new Probe("preceding proof[0]", m, n, oldRoot, newRoot, with(p, 0, p.get(0))),
                new Probe("truncated", m, n, oldRoot, newRoot, p.subList(0, p.size() - 1))));
        for (int k = 0; k < p.size(); k++) {
            probes.add(new Probe("flipped bit in " + k, m, n, oldRoot, newRoot, flipped(p, k)));
        }
        return probes;
    }

    private static List<Hash> with(List<Hash> path, int at, Hash extra) {
        List<Hash> out = new ArrayList<>(path);
        out.add(at, extra);
        return out;
    }

    private static List<Hash> flipped(List<Hash> path, int k) {
        List<Hash> out = new ArrayList<>(path);
        byte[] bytes = out.get(k).bytes();
        bytes[0] ^= 8;
        out.set(k, Hash.of(bytes));
        return out;
    }
}
