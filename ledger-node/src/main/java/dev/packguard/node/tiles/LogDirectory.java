package dev.packguard.node.tiles;

import dev.packguard.ledger.tlog.HashSource;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.tlog.tiles.TileData;
import dev.packguard.ledger.tlog.tiles.TileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A log published as static files in the POSIX layout of C2SP tlog-tiles, so that the node's
 * own HTTP server, nginx, an object store or a CDN can serve the same directory:
 *
 * <pre>
 * checkpoint                      the latest signed checkpoint note
 * tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]          Merkle tiles
 * tile/entries/&lt;N&gt;[.p/&lt;W&gt;]      entry bundles
 * </pre>
 *
 * Every file is written under a temporary name, fsynced and renamed into place
 * ({@link AtomicFiles}); a full tile or bundle is never rewritten once it exists; the directories
 * touched are fsynced before the checkpoint that refers to them is written, and the checkpoint
 * comes last. So whatever moment the process dies at, every file a published checkpoint needs
 * is complete on disk.
 */
public final class LogDirectory {
    /** The checkpoint's path relative to the log prefix. */
    public static final String CHECKPOINT = "checkpoint";

    // Shared by every log in the process; daemon threads, so they never keep the JVM alive.
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "tile-writer");
        t.setDaemon(true);
        return t;
    });

    private final Path root;

    /** The log rooted at {@code root} (created on first write). */
    public LogDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory served as the log prefix. */
    public Path root() {
        return root;
    }

    /** Where the entries of the log come from when bundles are written. */
    @FunctionalInterface
    public interface EntrySource {
        /** The entry at log index {@code index}. */
        byte[] entry(long index);
    }

    /**
     * Writes the Merkle tiles and entry bundles a log publishes when it grows from
     * {@code oldSize} to {@code newSize} (C2SP tlog-tiles; {@code Tiles.newTiles}), durably. A
     * full tile or bundle that is already on disk is left alone: its content is fixed by the
     * entries below it, and immutable files are what lets caches keep them forever.
     *
     * @param tree the tree's hashes, holding at least {@code newSize} leaves
     * @param entries the entries from the start of the bundle holding {@code oldSize} up to {@code newSize}
     * @return the number of files written
     */
    public int writeTiles(HashSource tree, long oldSize, long newSize, EntrySource entries) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<Tile, TileData> e : TileWriter.newHashTiles(tree, oldSize, newSize).entrySet()) {
            Tile tile = e.getKey();
            addUnlessPresent(files, tile, tile.path(), e.getValue().encode());
            if (tile.level() == 0) {
                List<byte[]> bundle = new ArrayList<>(tile.width());
                for (int i = 0; i < tile.width(); i++) {
                    bundle.add(entries.entry(tile.firstNode() + i));
                }
                addUnlessPresent(files, tile, tile.entriesPath(), EntryBundle.encode(bundle));
            }
        }
        // The files are independent: writing them in parallel overlaps their fsyncs.
        List<Future<?>> writes = new ArrayList<>();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            writes.add(WRITERS.submit(() -> {
                AtomicFiles.write(f.getKey(), f.getValue());
                return null;
            }));
        }
        awaitAll(writes);
        Set<Path> dirs = new LinkedHashSet<>();
        files.keySet().forEach(p -> dirs.add(p.getParent()));
        List<Future<?>> syncs = new ArrayList<>();
        for (Path d : dirs) {
            syncs.add(WRITERS.submit(() -> {
                AtomicFiles.syncDirectory(d);
                return null;
            }));
        }
        awaitAll(syncs);
        return files.size();
    }

    private void addUnlessPresent(Map<Path, byte[]> files, Tile tile, String path, byte[] bytes) {
        Path file = root.resolve(path);
        if (tile.isPartial() || !Files.isRegularFile(file)) {
            files.put(file, bytes);
        }
    }

    private static void awaitAll(List<Future<?>> writes) throws IOException {
        IOException failed = null;
        for (Future<?> w : writes) {
            try {
                w.get();
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing tiles", e);
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Deletes temporary files a killed writer left behind ({@link AtomicFiles#TEMP_PREFIX}); call
     * only while no writer runs on this directory. Returns how many were removed.
     */
    public int removeTemporaries() throws IOException {
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (var top = Files.list(root)) {
                top.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).forEach(stale::add);
            }
        }
        Path tiles = root.resolve("tile");
        if (Files.isDirectory(tiles)) {
            try (var all = Files.walk(tiles)) {
                all.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).forEach(stale::add);
            }
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        return stale.size();
    }

    /** Replaces the checkpoint atomically and durably; call only after its tiles are written. */
    public void writeCheckpoint(byte[] note) throws IOException {
        AtomicFiles.writeDurably(root.resolve(CHECKPOINT), note);
    }

    /** The current checkpoint note as stored, or empty for a log that has none yet. */
    public Optional<byte[]> readCheckpoint() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(CHECKPOINT)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
