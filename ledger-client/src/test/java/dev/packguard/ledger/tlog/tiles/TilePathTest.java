package dev.packguard.ledger.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.tlog.ParseError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilePathTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # level, index,   width, path,                       entries path
              0,     0,       256,   tile/0/000,                 tile/entries/000
              0,     1234067, 256,   tile/0/x001/x234/067,       tile/entries/x001/x234/067
              0,     1234067, 8,     tile/0/x001/x234/067.p/8,   tile/entries/x001/x234/067.p/8
              0,     1000,    255,   tile/0/x001/000.p/255,      tile/entries/x001/000.p/255
              0,     999,     1,     tile/0/999.p/1,             tile/entries/999.p/1
            """)
    void path_encodesLevelIndexAndPartialWidth(int level, long index, int width, String path, String entriesPath) {
        Tile tile = new Tile(level, index, width);

        assertThat(tile.path()).isEqualTo(path);
        assertThat(tile.entriesPath()).isEqualTo(entriesPath);
        assertThat(TilePath.parse(path).ok()).contains(new TilePath.HashTile(tile));
        assertThat(TilePath.parse(entriesPath).ok()).contains(new TilePath.EntryBundle(tile));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            tile/2/x001/002.p/17,  2, 1002
            tile/7/000.p/1,        7, 0
            tile/1/x072/x057/594,  1, 72057594
            """)
    void parse_acceptsHigherLevels(String path, int level, long index) {
        assertThat(TilePath.parse(path).ok()).get().extracting(TilePath::tile)
                .isEqualTo(new Tile(level, index, path.contains(".p/") ? Integer.parseInt(path.substring(path.indexOf(".p/") + 3)) : 256));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # path,                        kind,          position
              tiles/0/000,                 BAD_ENCODING,  0
              tile/00/000,                 NON_CANONICAL, 5
              tile/01/000,                 NON_CANONICAL, 5
              tile/64/000,                 OUT_OF_RANGE,  5
              tile/8/000,                  OUT_OF_RANGE,  5
              tile/100/000,                BAD_ENCODING,  5
              tile/0/00,                   BAD_ENCODING,  7
              tile/0/0000,                 BAD_ENCODING,  7
              tile/0/x000/001,             NON_CANONICAL, 7
              tile/0/x001,                 BAD_ENCODING,  11
              tile/0/x001/,                BAD_ENCODING,  12
              tile/0/001/002,              TRAILING_DATA, 10
              tile/0/001.p/0,              NON_CANONICAL, 13
              tile/0/001.p/08,             NON_CANONICAL, 13
              tile/0/001.p/256,            OUT_OF_RANGE,  13
              tile/0/001.p/,               BAD_ENCODING,  13
              tile/0/001.p/5/,             TRAILING_DATA, 14
              tile/0/001.q/5,              TRAILING_DATA, 10
              tile/0/001/,                 TRAILING_DATA, 10
              tile/0/-01,                  BAD_ENCODING,  7
              tile/entries/x0a1/000,       BAD_ENCODING,  14
              tile/entries/,               BAD_ENCODING,  13
              tile/0/x018/x014/x398/x509/x481/984, OUT_OF_RANGE, 7
              tile/6/x064/000,             OUT_OF_RANGE,  7
              tile/7/001,                  OUT_OF_RANGE,  7
            """)
    void parse_refusesNonCanonicalPaths(String path, ParseError.Kind kind, long position) {
        assertThat(TilePath.parse(path).failure()).get()
                .returns(kind, ParseError::kind)
                .returns(position, ParseError::position);
    }

    @Property(tries = 300)
    void parse_invertsPath(@ForAll @IntRange(min = 0, max = 7) int level,
                           @ForAll @LongRange(min = 0, max = (1L << 54) - 1) long anyIndex,
                           @ForAll @IntRange(min = 1, max = 256) int width) {
        long index = anyIndex % (Tiles.maxIndex(level) + 1);
        Tile tile = new Tile(level, index, width);

        assertThat(TilePath.parse(tile.path()).ok()).contains(new TilePath.HashTile(tile));
        if (level == 0) {
            assertThat(TilePath.parse(tile.entriesPath()).ok()).contains(new TilePath.EntryBundle(tile));
        }
    }
}
