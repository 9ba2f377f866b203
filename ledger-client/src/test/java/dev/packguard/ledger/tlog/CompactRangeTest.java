package dev.packguard.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompactRangeTest {

    @Property(tries = 200)
    void append_givesTheSameRootAsFullRecomputation(@ForAll @IntRange(min = 0, max = 600) int size,
                                                     @ForAll long seed) {
        List<Hash> leaves = leaves(size, seed);
        CompactRange range = CompactRange.empty();
        for (int n = 0; n < size; n++) {
            range = range.append(leaves.get(n));
        }

        assertThat(range.end()).isEqualTo(size);
        assertThat(range.root()).isEqualTo(TreeHash.root(leaves));
        assertThat(range.hashes()).hasSize(Long.bitCount(size));
    }

    @Property(tries = 200)
    void merge_ofAdjacentRanges_equalsOneRangeBuiltLeafByLeaf(@ForAll @IntRange(min = 0, max = 700) int a,
                                                            @ForAll @IntRange(min = 0, max = 700) int b,
                                                            @ForAll @IntRange(min = 0, max = 700) int c,
                                                            @ForAll long seed) {
        int[] cut = java.util.stream.IntStream.of(a, b, c).sorted().toArray();
        List<Hash> leaves = leaves(cut[2], seed);
        CompactRange left = CompactRange.empty(cut[0]).appendAll(leaves.subList(cut[0], cut[1]));
        CompactRange right = CompactRange.empty(cut[1]).appendAll(leaves.subList(cut[1], cut[2]));

        CompactRange merged = left.merge(right);

        assertThat(merged).isEqualTo(CompactRange.empty(cut[0]).appendAll(leaves.subList(cut[0], cut[2])));
        if (cut[0] == 0) {
            assertThat(merged.root()).isEqualTo(TreeHash.root(leaves));
        }
    }

    @Property(tries = 100)
    void serialise_thenParse_resumesAppending(@ForAll @IntRange(min = 0, max = 400) int stop,
                                              @ForAll @IntRange(min = 0, max = 400) int more,
                                              @ForAll long seed) {
        List<Hash> leaves = leaves(stop + more, seed);
        byte[] stored = CompactRange.empty().appendAll(leaves.subList(0, stop)).serialise();

        CompactRange resumed = CompactRange.parse(stored).ok().orElseThrow()
                .appendAll(leaves.subList(stop, stop + more));

        assertThat(resumed.root()).isEqualTo(TreeHash.root(leaves));
    }

    @Test
    void root_ofEmptyRange_isEmptyTreeHash() {
        assertThat(CompactRange.empty().root()).isEqualTo(TreeHash.emptyRoot());
    }

    @Test
    void root_ofRangeNotStartingAtZero_isRefused() {
        CompactRange range = CompactRange.empty(4).append(TreeHash.emptyRoot());

        assertThatThrownBy(range::root).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void merge_ofNonAdjacentRanges_isRefused() {
        CompactRange left = CompactRange.empty().append(TreeHash.emptyRoot());

        assertThatThrownBy(() -> left.merge(CompactRange.empty(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levels_decomposeRangeIntoAlignedPowersOfTwo() {
        // [3, 21) = {3} [4,8) [8,16) [16,20) {20}
        assertThat(CompactRange.levels(3, 21)).containsExactly(0, 2, 3, 2, 0);
        assertThat(CompactRange.levels(0, 13)).containsExactly(3, 2, 0);
        assertThat(CompactRange.levels(5, 5)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # begin, end, hashes, extra bytes, version, expected kind
              0,     5,   2,      0,           1,       TRUNCATED
              0,     5,   2,      1,           1,       TRAILING_DATA
              0,     5,   3,      0,           1,       TRAILING_DATA
              0,     5,   2,      0,           2,       BAD_ENCODING
              6,     5,   0,      0,           1,       OUT_OF_RANGE
             -1,     5,   2,      0,           1,       OUT_OF_RANGE
            """)
    void parse_refusesMalformedInput(long begin, long end, int hashes, int extra, int version, ParseError.Kind kind) {
        // [0, 5) needs two hashes; the first row drops one byte of the second.
        int length = 17 + hashes * 32 + extra - (kind == ParseError.Kind.TRUNCATED ? 1 : 0);
        ByteBuffer data = ByteBuffer.allocate(length);
        data.put((byte) version).putLong(begin).putLong(end);

        assertThat(CompactRange.parse(data.array()).failure()).get().extracting(ParseError::kind).isEqualTo(kind);
    }

    @Test
    void parse_refusesShortHeader() {
        assertThat(CompactRange.parse(new byte[] {1, 0, 0}).failure()).get()
                .extracting(ParseError::kind).isEqualTo(ParseError.Kind.TRUNCATED);
    }

    static List<Hash> leaves(int count, long seed) {
        List<Hash> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(TreeHash.leafHash(ByteBuffer.allocate(16).putLong(seed).putLong(i).array()));
        }
        return out;
    }
}
