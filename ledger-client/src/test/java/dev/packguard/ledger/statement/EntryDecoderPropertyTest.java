package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile bytes never make the decoder throw, and only the untouched entry decodes. */
class EntryDecoderPropertyTest {
    private static final List<byte[]> VALID = SampleStatements.all().stream()
            .map(s -> SigningKey.ed25519FromSeed(new byte[32]).sign(s).encode()).toList();

    @Property(tries = 1000)
    void decode_neverThrowsOnRandomBytes(@ForAll byte[] bytes) {
        assertThat(EntryDecoder.decode(bytes)).isNotNull();
    }

    @Property(tries = 2000)
    void decode_neverThrowsOnMutatedEntries(@ForAll("mutatedEntries") Mutation mutation) {
        EntryDecoding decoded = EntryDecoder.decode(mutation.bytes());
        assertThat(decoded).isNotNull();
        if (decoded instanceof EntryDecoding.Decoded d && !mutation.changed()) {
            assertThat(d.entry().encode()).isEqualTo(mutation.bytes());
        }
    }

    @Property(tries = 1000)
    void decode_acceptsOnlyBytesThatReEncodeIdentically(@ForAll("mutatedEntries") Mutation mutation) {
        // Whatever decodes must be the canonical encoding of what it decoded to: one statement, one byte string.
        if (EntryDecoder.decode(mutation.bytes()) instanceof EntryDecoding.Decoded d) {
            assertThat(d.entry().encode()).isEqualTo(mutation.bytes());
        }
    }

    record Mutation(byte[] bytes, boolean changed) {}

    @Provide
    Arbitrary<Mutation> mutatedEntries() {
        Arbitrary<byte[]> base = Arbitraries.of(VALID);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1 << 16);
        Arbitrary<Byte> value = Arbitraries.bytes().edgeCases(c -> c.add((byte) '"', (byte) '\\', (byte) '{', (byte) 0x1D));
        Arbitrary<String> insertion = Arbitraries.of("\"", "\\u0000", "{", "}", "[", "]", ",", ":", "1e400", "-0", "null",
                "\"v\":1,", "\uD800", "é", " ");
        return Combinators.combine(base, kind, position, value, insertion).as((b, k, p, v, ins) -> mutate(b, k, p, v, ins));
    }

    private static Mutation mutate(byte[] entry, int kind, int position, byte value, String insertion) {
        int at = position % (entry.length + 1);
        switch (kind) {
            case 0 -> { // flip one byte
                byte[] out = entry.clone();
                int i = Math.min(at, out.length - 1);
                out[i] = value;
                return new Mutation(out, value != entry[i]);
            }
            case 1 -> { // truncate
                return new Mutation(java.util.Arrays.copyOf(entry, at), at != entry.length);
            }
            case 2 -> { // insert a token
                byte[] ins = insertion.getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[entry.length + ins.length];
                System.arraycopy(entry, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(entry, at, out, at + ins.length, entry.length - at);
                return new Mutation(out, true);
            }
            case 3 -> { // delete one byte
                int i = Math.min(at, entry.length - 1);
                byte[] out = new byte[entry.length - 1];
                System.arraycopy(entry, 0, out, 0, i);
                System.arraycopy(entry, i + 1, out, i, entry.length - i - 1);
                return new Mutation(out, true);
            }
            default -> {
                return new Mutation(entry, false);
            }
        }
    }
}
