package dev.packguard.ledger.tlog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact range [begin, end) of a Merkle tree: the hashes of the fewest complete
 * subtrees that exactly cover leaves {@code begin..end-1}, left to right. For begin 0 it is the
 * tree's right edge, at most one hash per one-bit of the size, and enough to compute the root
 * and to keep appending without the earlier leaves. Two adjacent ranges merge into one.
 *
 * <p>Immutable: appending returns a new range. A range serialises to
 * {@code 0x01 || begin (uint64 BE) || end (uint64 BE) || hashes}; the number of hashes is fixed
 * by begin and end, so {@link #parse} can refuse any other length.
 */
public final class CompactRange {

    /** The first byte of the serialised form. */
    public static final byte FORMAT_VERSION = 0x01;

    private static final int HEADER = 1 + 8 + 8;
    // Keeps every (level, index) arithmetic inside a signed 64-bit long.
    private static final long MAX_END = 1L << 62;

    private final long begin;
    private final long end;
    private final Hash[] hashes;
    private final int[] levels;

    private CompactRange(long begin, long end, Hash[] hashes, int[] levels) {
        this.begin = begin;
        this.end = end;
        this.hashes = hashes;
        this.levels = levels;
    }

    /** The empty range [0, 0), the start of a new tree. */
    public static CompactRange empty() {
        return empty(0);
    }

    /** The empty range [begin, begin). */
    public static CompactRange empty(long begin) {
        if (begin < 0 || begin > MAX_END) {
            throw new IllegalArgumentException("begin out of range: " + begin);
        }
        return new CompactRange(begin, begin, new Hash[0], new int[0]);
    }

    /** The first leaf index covered. */
    public long begin() {
        return begin;
    }

    /** One past the last leaf index covered; for a range from 0, the tree size. */
    public long end() {
        return end;
    }

    /** The subtree hashes, left to right. */
    public List<Hash> hashes() {
        return List.of(hashes);
    }

    /** This range with one more leaf hash appended at {@link #end()}. */
    public CompactRange append(Hash leafHash) {
        return appendAll(List.of(leafHash));
    }

    /** This range with the given leaf hashes appended in order. */
    public CompactRange appendAll(List<Hash> leafHashes) {
        Builder b = new Builder(this);
        for (Hash leaf : leafHashes) {
            b.push(0, leaf);
        }
        return b.build();
    }

    /**
     * The range [begin, other.end): this range followed by {@code other}.
     *
     * @throws IllegalArgumentException if {@code other} does not start where this range ends
     */
    public CompactRange merge(CompactRange other) {
        if (other.begin != end) {
            throw new IllegalArgumentException("ranges are not adjacent: [" + begin + ", " + end
                    + ") and [" + other.begin + ", " + other.end + ")");
        }
        Builder b = new Builder(this);
        for (int i = 0; i < other.hashes.length; i++) {
            b.push(other.levels[i], other.hashes[i]);
        }
        return b.build();
    }

    /**
     * MTH(D[0:end]) of RFC 6962 §2.1: the subtree hashes folded from the right, since the
     * right edge of a tree is its left-to-right decomposition into powers of two.
     *
     * @throws IllegalStateException if the range does not start at leaf 0
     */
    public Hash root() {
        if (begin != 0) {
            throw new IllegalStateException("only a range from leaf 0 has a root; this starts at " + begin);
        }
        if (hashes.length == 0) {
            return TreeHash.emptyRoot();
        }
        Hash root = hashes[hashes.length - 1];
        for (int i = hashes.length - 2; i >= 0; i--) {
            root = TreeHash.nodeHash(hashes[i], root);
        }
        return root;
    }

    /** The serialised form, see the class description. */
    public byte[] serialise() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + hashes.length * Hash.SIZE);
        out.put(FORMAT_VERSION).putLong(begin).putLong(end);
        for (Hash h : hashes) {
            out.put(h.raw());
        }
        return out.array();
    }

    /**
     * Parses the form written by {@link #serialise()}: version byte, begin ≤ end ≤ 2^62, and
     * exactly the number of hashes the range needs, no more bytes.
     */
    public static Parsed<CompactRange> parse(byte[] data) {
        if (data.length < HEADER) {
            return Parsed.failed(ParseError.Kind.TRUNCATED, data.length, "a compact range has a 17-byte header");
        }
        if (data[0] != FORMAT_VERSION) {
            return Parsed.failed(ParseError.Kind.BAD_ENCODING, 0, "unknown compact range version " + data[0]);
        }
        ByteBuffer in = ByteBuffer.wrap(data, 1, 16);
        long begin = in.getLong();
        long end = in.getLong();
        if (begin < 0 || end < begin || end > MAX_END) {
            return Parsed.failed(ParseError.Kind.OUT_OF_RANGE, 1, "bad range [" + begin + ", " + end + ")");
        }
        int[] levels = levels(begin, end);
        long expected = HEADER + (long) levels.length * Hash.SIZE;
        if (data.length < expected) {
            return Parsed.failed(ParseError.Kind.TRUNCATED, data.length, "range [" + begin + ", " + end
                    + ") needs " + levels.length + " hashes");
        }
        if (data.length > expected) {
            return Parsed.failed(ParseError.Kind.TRAILING_DATA, expected, (data.length - expected) + " extra bytes");
        }
        Hash[] hashes = new Hash[levels.length];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Hash.of(data, HEADER + i * Hash.SIZE);
        }
        return Parsed.ok(new CompactRange(begin, end, hashes, levels));
    }

    /**
     * The levels of the subtrees covering [begin, end), left to right: greedily the largest
     * aligned power of two that starts at the current position and fits.
     */
    static int[] levels(long begin, long end) {
        List<Integer> out = new ArrayList<>();
        long at = begin;
        while (at < end) {
            int level = at == 0 ? 62 : Long.numberOfTrailingZeros(at);
            while ((1L << level) > end - at) {
                level--;
            }
            out.add(level);
            at += 1L << level;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactRange that && begin == that.begin && end == that.end
                && Arrays.equals(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(begin) * 31 + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "CompactRange[" + begin + ", " + end + ") " + hashes.length + " hashes";
    }

    // A stack of subtrees; pushing a right sibling merges it with its left one, repeatedly.
    private static final class Builder {
        private final long begin;
        private long end;
        private Hash[] hashes;
        private int[] levels;
        private int count;

        Builder(CompactRange from) {
            begin = from.begin;
            end = from.end;
            count = from.hashes.length;
            hashes = Arrays.copyOf(from.hashes, Math.max(8, count + 2));
            levels = Arrays.copyOf(from.levels, hashes.length);
        }

        void push(int level, Hash hash) {
            if (end + (1L << level) > MAX_END) {
                throw new IllegalArgumentException("a compact range ends at 2^62 at most");
            }
            end += 1L << level;
            long index = (end >>> level) - 1;
            // An odd index is a right child; if its left sibling (same level) is on top, join them.
            while (count > 0 && levels[count - 1] == level && (index & 1) == 1) {
                hash = TreeHash.nodeHash(hashes[--count], hash);
                level++;
                index >>>= 1;
            }
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
                levels = Arrays.copyOf(levels, count * 2);
            }
            hashes[count] = hash;
            levels[count++] = level;
        }

        CompactRange build() {
            return new CompactRange(begin, end, Arrays.copyOf(hashes, count), Arrays.copyOf(levels, count));
        }
    }
}
