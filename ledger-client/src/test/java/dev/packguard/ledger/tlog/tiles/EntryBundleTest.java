package dev.packguard.ledger.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.TreeHash;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryBundleTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void parse_readsLengthPrefixedEntries_includingEmptyOnes() {
        // "ab", "", "xyz" with big-endian uint16 prefixes.
        byte[] data = HEX.parseHex("00026162" + "0000" + "000378797a");

        EntryBundle bundle = EntryBundle.parse(new Tile(0, 0, 3), data).ok().orElseThrow();

        assertThat(bundle.entries()).containsExactly("ab".getBytes(), new byte[0], "xyz".getBytes());
        assertThat(bundle.leafHashes()).containsExactly(
                TreeHash.leafHash("ab".getBytes()), TreeHash.leafHash(new byte[0]), TreeHash.leafHash("xyz".getBytes()));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # width, hex bytes,                      kind,          position
              1,     '',                             TRUNCATED,     0
              1,     00,                             TRUNCATED,     0
              1,     0002,                           TRUNCATED,     0
              1,     000261,                         TRUNCATED,     0
              2,     00026162,                       TRUNCATED,     4
              2,     000261620001,                   TRUNCATED,     4
              1,     0002616200,                     TRAILING_DATA, 4
              1,     000261620000,                   TRAILING_DATA, 4
              1,     ffff6162,                       TRUNCATED,     0
            """)
    void parse_refusesTruncatedOverlongAndExtraBytes(int width, String hex, ParseError.Kind kind, long position) {
        assertThat(EntryBundle.parse(new Tile(0, 0, width), HEX.parseHex(hex)).failure()).get()
                .returns(kind, ParseError::kind)
                .returns(position, ParseError::position);
    }

    @Test
    void parse_acceptsAMaximalEntry() {
        byte[] entry = new byte[EntryBundle.MAX_ENTRY];
        byte[] data = EntryBundle.encode(List.of(entry));

        assertThat(data).hasSize(2 + 65_535).startsWith(0xFF, 0xFF);
        assertThat(EntryBundle.parse(new Tile(0, 0, 1), data).ok()).get()
                .extracting(b -> b.entry(0).length).isEqualTo(65_535);
    }

    @Test
    void encode_refusesWhatTheFormatCannotHold() {
        assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[65_536])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundle.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tileData_parse_requiresExactlyWidthHashes() {
        Tile tile = new Tile(0, 0, 2);
        byte[] two = new byte[64];
        two[33] = 7;

        TileData data = TileData.parse(tile, two).ok().orElseThrow();
        assertThat(data.hashes()).hasSize(2);
        assertThat(data.hashes().get(1).bytes()[1]).isEqualTo((byte) 7);
        assertThat(data.encode()).isEqualTo(two);
        assertThat(TileData.parse(tile, new byte[63]).failure()).get()
                .returns(ParseError.Kind.TRUNCATED, ParseError::kind);
        assertThat(TileData.parse(tile, new byte[65]).failure()).get()
                .returns(ParseError.Kind.TRAILING_DATA, ParseError::kind).returns(64L, ParseError::position);
        assertThat(TileData.parse(tile, new byte[0]).failure()).isPresent();
    }

    @Test
    void tileData_subtreeHash_ofFullTile_isTheMerkleRootOfItsHashes() {
        List<Hash> hashes = java.util.stream.IntStream.range(0, 256)
                .mapToObj(i -> TreeHash.leafHash(new byte[] {(byte) i})).toList();
        TileData tile = TileData.of(new Tile(0, 0, 256), hashes);

        assertThat(tile.subtreeHash(0, 8)).isEqualTo(TreeHash.root(hashes));
        assertThat(tile.subtreeHash(4, 2)).isEqualTo(TreeHash.root(hashes.subList(4, 8)));
        assertThatThrownBy(() -> tile.subtreeHash(254, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
