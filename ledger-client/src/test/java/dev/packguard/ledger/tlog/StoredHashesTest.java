package dev.packguard.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoredHashesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # level, index, stored
                0,     0,     0
                0,     1,     1
                1,     0,     2
                0,     2,     3
                0,     3,     4
                1,     1,     5
                2,     0,     6
                0,     4,     7
                3,     0,     14
                0,     8,     15
            """)
    void index_followsAppendOrder(int level, long index, long stored) {
        assertThat(StoredHashes.index(level, index)).isEqualTo(stored);
        assertThat(StoredHashes.node(stored)).isEqualTo(new StoredHashes.Node(level, index));
    }

    @Test
    void count_isTwoNMinusPopcount() {
        assertThat(StoredHashes.count(0)).isZero();
        assertThat(StoredHashes.count(1)).isEqualTo(1);
        assertThat(StoredHashes.count(3)).isEqualTo(4);
        assertThat(StoredHashes.count(4)).isEqualTo(7);
        assertThat(StoredHashes.count(1_000_000)).isEqualTo(2_000_000 - Long.bitCount(1_000_000));
    }

    @Test
    void node_invertsIndexForEveryStoredHashOfASmallTree() {
        for (long stored = 0; stored < StoredHashes.count(300); stored++) {
            StoredHashes.Node node = StoredHashes.node(stored);
            assertThat(StoredHashes.index(node.level(), node.index())).isEqualTo(stored);
        }
    }
}
