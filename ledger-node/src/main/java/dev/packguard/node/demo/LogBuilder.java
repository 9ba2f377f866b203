package dev.packguard.node.demo;

import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.StatementSignature;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Streams entries into a tlog-tiles directory: entries are queued, signed in parallel a batch
 * at a time, hashed onto an in-memory tree (hashes only, 32 bytes each) and written as tiles and
 * bundles with {@link LogDirectory}. Only the current batch's entries are held, so a world of
 * a million units never has all its entries in memory. Batches are flushed at multiples of 256
 * entries, so no partial tile is written until {@link #finish}.
 */
final class LogBuilder {
    /** Entries signed per batch; a multiple of the tile width. */
    static final int BATCH = 16 * 256;

    private final LogDirectory directory;
    private final MemoryTree tree = new MemoryTree();
    private final List<Supplier<byte[]>> queued = new ArrayList<>();
    /** Entries hashed but not yet in a full bundle (fewer than 256), starting at {@link #written}. */
    private List<byte[]> carried = new ArrayList<>();
    private long written;
    private long bytes;

    LogBuilder(LogDirectory directory) {
        this.directory = directory;
    }

    /** Queues {@code statement} signed by {@code key}; returns its log index. */
    long add(SigningKey key, Statement statement) throws IOException {
        return queue(() -> key.sign(statement).encode());
    }

    /** Queues an already signed statement; returns its log index. */
    long add(SignedStatement signed) throws IOException {
        return queue(signed::encode);
    }

    /**
     * Queues {@code statement} signed by {@code key} with one bit of the signature flipped: a
     * well-formed entry whose signature does not verify. Returns its log index.
     */
    long addWithBrokenSignature(SigningKey key, Statement statement) throws IOException {
        return queue(() -> {
            SignedStatement good = key.sign(statement);
            byte[] value = good.signature().value().clone();
            value[10] ^= 0x01;
            return new SignedStatement(statement, new StatementSignature(good.signature().alg(), good.signature().keyId(), value))
                    .encode();
        });
    }

    private long queue(Supplier<byte[]> entry) throws IOException {
        long index = written + carried.size() + queued.size();
        queued.add(entry);
        if (queued.size() >= BATCH) {
            flush(false);
        }
        return index;
    }

    /** The number of entries queued so far. */
    long size() {
        return written + carried.size() + queued.size();
    }

    /** Total entry bytes written. */
    long entryBytes() {
        return bytes;
    }

    /** Writes everything queued, partial tiles included; returns the tree's size and root. */
    Hash finish() throws IOException {
        flush(true);
        return tree.root();
    }

    private void flush(boolean last) throws IOException {
        // Signing dominates; the common pool's workers and this thread share it. toList() keeps queue order.
        List<byte[]> signed = queued.parallelStream().map(Supplier::get).toList();
        queued.clear();
        for (byte[] e : signed) {
            tree.appendEntry(e);
            bytes += e.length;
        }
        List<byte[]> pending = new ArrayList<>(carried.size() + signed.size());
        pending.addAll(carried);
        pending.addAll(signed);
        long end = written + pending.size();
        long upTo = last ? end : end - end % 256;
        if (upTo > written) {
            long base = written;
            directory.writeTiles(tree, written, upTo, index -> pending.get((int) (index - base)));
        }
        carried = new ArrayList<>(pending.subList((int) (upTo - written), pending.size()));
        if (last) {
            carried.clear();
        }
        written = upTo;
    }
}
