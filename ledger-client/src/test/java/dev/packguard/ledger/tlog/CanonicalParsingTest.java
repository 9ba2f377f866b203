package dev.packguard.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.proof.TlogProofParser;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.tlog.tiles.TileData;
import dev.packguard.ledger.tlog.tiles.TilePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every parser of untrusted input either refuses it with a typed error or accepts exactly the
 * canonical encoding: whatever it accepts re-encodes to the same bytes, so no value has two
 * spellings. Inputs are random and randomly damaged valid encodings; nothing may throw.
 */
class CanonicalParsingTest {

    @Property(tries = 500)
    void entryBundle_acceptsOnlyWhatItWouldWrite(@ForAll @Size(max = 40) byte[] data,
                                                 @ForAll @IntRange(min = 1, max = 4) int width) {
        Parsed<EntryBundle> parsed = EntryBundle.parse(new Tile(0, 0, width), data);

        parsed.ok().ifPresent(b -> assertThat(EntryBundle.encode(b.entries())).isEqualTo(data));
    }

    @Property(tries = 300)
    void tileData_acceptsOnlyExactWidth(@ForAll @Size(max = 200) byte[] data,
                                        @ForAll @IntRange(min = 1, max = 6) int width) {
        Parsed<TileData> parsed = TileData.parse(new Tile(0, 3, width), data);

        assertThat(parsed.ok().isPresent()).isEqualTo(data.length == width * 32);
        parsed.ok().ifPresent(t -> assertThat(t.encode()).isEqualTo(data));
    }

    @Property(tries = 500)
    void compactRange_acceptsOnlyWhatItWouldWrite(@ForAll("damagedRanges") byte[] data) {
        CompactRange.parse(data).ok().ifPresent(r -> assertThat(r.serialise()).isEqualTo(data));
    }

    @Property(tries = 2000)
    void tilePath_acceptsOnlyCanonicalPaths(@ForAll("pathLike") String path) {
        TilePath.parse(path).ok().ifPresent(p -> assertThat(p.path()).isEqualTo(path));
    }

    @Property(tries = 500)
    void tlogProof_acceptsOnlyWhatItWouldWrite(@ForAll("damagedProofs") byte[] file) {
        TlogProofParser.parse(file).ok().ifPresent(
                p -> assertThat(p.serialise().getBytes(StandardCharsets.UTF_8)).isEqualTo(file));
    }

    @Provide
    Arbitrary<String> pathLike() {
        Arbitrary<String> prefix = Arbitraries.of("tile/", "tile/entries/", "tile/0/", "tile/1/", "tile/01/");
        Arbitrary<String> rest = Arbitraries.strings().withChars("0123456789x/.p").ofMaxLength(22);
        return prefix.flatMap(p -> rest.map(r -> p + r));
    }

    @Provide
    Arbitrary<byte[]> damagedRanges() {
        List<Arbitrary<byte[]>> damaged = new ArrayList<>();
        for (int size : new int[] {0, 1, 2, 3, 7, 8, 45, 64, 255, 300}) {
            damaged.add(damage(CompactRange.empty(size % 7).appendAll(CompactRangeTest.leaves(size, size)).serialise()));
        }
        return Arbitraries.oneOf(damaged);
    }

    @Provide
    Arbitrary<byte[]> damagedProofs() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 100; i++) {
            tree.appendEntry(new byte[] {(byte) i});
        }
        byte[] valid = TlogProof.of(37, tree.inclusionProof(37, 100).path(),
                "log.example\n100\n" + tree.root().base64() + "\n\n— log.example AAAA\n",
                Optional.of(new byte[] {9, 8, 7})).serialise().getBytes(StandardCharsets.UTF_8);
        return damage(valid);
    }

    // A valid encoding unchanged, or with one byte changed, inserted or removed, or truncated.
    private static Arbitrary<byte[]> damage(byte[] valid) {
        return Arbitraries.randomValue(random -> {
            int at = random.nextInt(valid.length + 1);
            byte b = (byte) random.nextInt(256);
            switch (random.nextInt(5)) {
                case 0:
                    return valid.clone();
                case 1: {
                    byte[] out = valid.clone();
                    out[Math.min(at, valid.length - 1)] = b;
                    return out;
                }
                case 2: {
                    byte[] out = new byte[valid.length + 1];
                    System.arraycopy(valid, 0, out, 0, at);
                    out[at] = b;
                    System.arraycopy(valid, at, out, at + 1, valid.length - at);
                    return out;
                }
                case 3: {
                    int cut = Math.min(at, valid.length - 1);
                    byte[] out = new byte[valid.length - 1];
                    System.arraycopy(valid, 0, out, 0, cut);
                    System.arraycopy(valid, cut + 1, out, cut, valid.length - cut - 1);
                    return out;
                }
                default:
                    return Arrays.copyOf(valid, at);
            }
        });
    }
}
