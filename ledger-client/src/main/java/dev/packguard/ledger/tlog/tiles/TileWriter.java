package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.HashSource;
import dev.packguard.ledger.tlog.MemoryTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the static files of a C2SP tlog-tiles log: Merkle tiles and entry bundles, full and
 * partial, for a tree size. Used by the log node when it publishes a checkpoint, and by tests
 * that need a log on disk.
 */
public final class TileWriter {

    private TileWriter() {
    }

    /**
     * The Merkle tiles to publish when the tree grows from {@code oldSize} to {@code newSize}
     * ({@link Tiles#newTiles}), in that order, with their contents read from {@code tree}, which
     * must hold at least {@code newSize} leaves.
     */
    public static Map<Tile, TileData> newHashTiles(HashSource tree, long oldSize, long newSize) {
        Map<Tile, TileData> out = new LinkedHashMap<>();
        for (Tile tile : Tiles.newTiles(oldSize, newSize)) {
            List<Hash> hashes = new ArrayList<>(tile.width());
            for (int i = 0; i < tile.width(); i++) {
                hashes.add(tree.subtree(Tiles.HEIGHT * tile.level(), tile.firstNode() + i));
            }
            out.put(tile, TileData.of(tile, hashes));
        }
        return out;
    }

    /**
     * Every file of a log holding {@code entries}: path (relative to the log prefix) to bytes,
     * each Merkle tile {@code tile/<L>/<N>[.p/<W>]} and each bundle
     * {@code tile/entries/<N>[.p/<W>]}. The checkpoint is not included: it needs a signature.
     *
     * @throws IllegalArgumentException if an entry is longer than 65,535 bytes
     */
    public static SortedMap<String, byte[]> writeLog(List<byte[]> entries) {
        MemoryTree tree = new MemoryTree();
        entries.forEach(tree::appendEntry);
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<Tile, TileData> e : newHashTiles(tree, 0, tree.size()).entrySet()) {
            Tile tile = e.getKey();
            files.put(tile.path(), e.getValue().encode());
            if (tile.level() == 0) {
                int from = (int) tile.firstNode();
                files.put(tile.entriesPath(), EntryBundle.encode(entries.subList(from, from + tile.width())));
            }
        }
        return files;
    }
}
