package dev.packguard.ledger.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.TreeHash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileTreeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 70_000})
    void rootHash_fromWrittenTiles_equalsFullRecomputation(int size) {
        List<byte[]> entries = entries(size);
        SortedMap<String, byte[]> files = TileWriter.writeLog(entries);

        TileRead<Hash> root = TileTree.rootHash(size, reader(files));

        assertThat(root).isEqualTo(new TileRead.Found<>(TreeHash.rootOfEntries(entries)));
    }

    @Test
    void writeLog_writesEveryTileAndBundleOfTheSpecExample() {
        SortedMap<String, byte[]> files = TileWriter.writeLog(entries(70_000));

        assertThat(files).containsKeys("tile/0/272", "tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17",
                "tile/2/000.p/1", "tile/entries/000", "tile/entries/273.p/112");
        assertThat(files).hasSize(2 * 274 + 3);
        assertThat(files.get("tile/0/273.p/112")).hasSize(112 * 32);
        // Every bundle parses back to the entries, and its leaf hashes are the level-0 tile.
        EntryBundle last = EntryBundle.parse(new Tile(0, 273, 112), files.get("tile/entries/273.p/112")).ok().orElseThrow();
        assertThat(last.entry(111)).isEqualTo(entries(70_000).get(69_999));
        assertThat(TileData.parse(new Tile(0, 273, 112), files.get("tile/0/273.p/112")).ok().orElseThrow().hashes())
                .isEqualTo(last.leafHashes());
    }

    @Property(tries = 40)
    void proofsFromTiles_equalProofsFromTheWholeTree(@ForAll @IntRange(min = 1, max = 3000) int size,
                                                     @ForAll @IntRange(min = 0, max = 2999) int anyIndex,
                                                     @ForAll @IntRange(min = 0, max = 3000) int anyOld) {
        List<byte[]> entries = entries(size);
        MemoryTree tree = new MemoryTree();
        entries.forEach(tree::appendEntry);
        TileReader reader = reader(TileWriter.writeLog(entries));
        long index = anyIndex % size;
        long oldSize = anyOld % (size + 1);

        assertThat(TileTree.inclusionProof(index, size, reader))
                .isEqualTo(new TileRead.Found<>(tree.inclusionProof(index, size)));
        assertThat(TileTree.consistencyProof(oldSize, size, reader))
                .isEqualTo(new TileRead.Found<>(tree.consistencyProof(oldSize, size)));
    }

    @Test
    void rootHash_reportsTheFirstMissingTile() {
        Map<String, byte[]> files = new HashMap<>(TileWriter.writeLog(entries(600)));
        files.remove("tile/0/002.p/88");

        assertThat(TileTree.rootHash(600, reader(files))).isEqualTo(new TileRead.Missing<>(new Tile(0, 2, 88)));
    }

    @Test
    void rootHash_reportsAMalformedTile() {
        Map<String, byte[]> files = new HashMap<>(TileWriter.writeLog(entries(600)));
        files.put("tile/1/000.p/2", new byte[63]);

        TileRead<Hash> root = TileTree.rootHash(600, reader(files));

        assertThat(root).isInstanceOf(TileRead.Malformed.class);
        assertThat(((TileRead.Malformed<Hash>) root).error().kind()).isEqualTo(ParseError.Kind.TRUNCATED);
    }

    @Test
    void rootHash_ofTamperedTile_differsFromTheTrueRoot() {
        List<byte[]> entries = entries(600);
        Map<String, byte[]> files = new HashMap<>(TileWriter.writeLog(entries));
        files.get("tile/0/002.p/88")[5] ^= 1;

        assertThat(TileTree.rootHash(600, reader(files)))
                .isNotEqualTo(new TileRead.Found<>(TreeHash.rootOfEntries(entries)));
    }

    @Test
    void rootHash_ofAnOlderSize_readsThatSizesPartialTiles() {
        Map<String, byte[]> files = new HashMap<>();
        List<byte[]> entries = entries(700);
        // A log that published checkpoints at 300 and 700 keeps both sets of partial tiles.
        files.putAll(TileWriter.writeLog(entries.subList(0, 300)));
        files.putAll(TileWriter.writeLog(entries));

        assertThat(TileTree.rootHash(300, reader(files)))
                .isEqualTo(new TileRead.Found<>(TreeHash.rootOfEntries(entries.subList(0, 300))));
    }

    @Test
    void rootHash_ofEmptyTree_needsNoTiles() {
        assertThat(TileTree.rootHash(0, tile -> Optional.empty())).isEqualTo(new TileRead.Found<>(TreeHash.emptyRoot()));
    }

    static TileReader reader(Map<String, byte[]> files) {
        return tile -> Optional.ofNullable(files.get(tile.path())).map(byte[]::clone);
    }

    static List<byte[]> entries(int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Varying lengths, including empty entries; the longer ones are all distinct.
            ByteBuffer entry = ByteBuffer.allocate(i % 13);
            if (entry.capacity() >= 4) {
                entry.putInt(0, i);
            }
            out.add(entry.array());
        }
        return out;
    }
}
