package dev.packguard.ledger.tlog;

import static dev.packguard.ledger.tlog.ReferenceVectors.LEAVES;
import static dev.packguard.ledger.tlog.ReferenceVectors.ROOTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeHashTest {

    @Test
    void emptyRoot_isSha256OfNothing() {
        assertThat(TreeHash.emptyRoot()).isEqualTo(ReferenceVectors.EMPTY_TREE);
        assertThat(TreeHash.root(List.of())).isEqualTo(ReferenceVectors.EMPTY_TREE);
    }

    @Test
    void leafHash_matchesPublishedVectors() {
        // An empty leaf is not the empty tree: the 0x00 prefix separates them.
        assertThat(TreeHash.leafHash(new byte[0])).isEqualTo(ROOTS.get(0)).isNotEqualTo(TreeHash.emptyRoot());
        assertThat(TreeHash.leafHash("L123456".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(ReferenceVectors.LEAF_L123456);
    }

    @Test
    void rootOfEntries_matchesPublishedRootForEveryPrefix() {
        for (int n = 1; n <= LEAVES.size(); n++) {
            assertThat(TreeHash.rootOfEntries(LEAVES.subList(0, n))).as("size %d", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void nodeHash_dependsOnOrderAndDiffersFromLeafOfConcatenation() {
        Hash a = TreeHash.leafHash(new byte[] {1});
        Hash b = TreeHash.leafHash(new byte[] {2});
        byte[] concatenated = new byte[64];
        a.copyTo(concatenated, 0);
        b.copyTo(concatenated, 32);

        assertThat(TreeHash.nodeHash(a, b)).isNotEqualTo(TreeHash.nodeHash(b, a))
                .isNotEqualTo(TreeHash.leafHash(concatenated));
    }

    @Test
    void memoryTree_rootMatchesPublishedRootForEveryPrefix() {
        MemoryTree tree = ReferenceVectors.referenceTree();

        for (int n = 0; n <= LEAVES.size(); n++) {
            Hash expected = n == 0 ? TreeHash.emptyRoot() : ROOTS.get(n - 1);
            assertThat(tree.root(n)).as("size %d", n).isEqualTo(expected);
        }
    }
}
