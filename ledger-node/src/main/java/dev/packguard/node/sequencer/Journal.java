package dev.packguard.node.sequencer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The sequencer's write-ahead journal: an append-only file holding every acknowledged entry in
 * log order. An entry is acknowledged only after the write holding it has been fsynced, so
 * an acknowledged entry survives any crash; the published tiles are derived from the journal
 * and can always be rebuilt from it.
 *
 * <p>Format: the header {@code packguard-journal/v1\n}, then one record per entry:
 * {@code length (u32 BE) || entry || CRC-32C(index (u64 BE) || length (u32 BE) || entry) (u32 BE)}.
 * Binding the index into the checksum means a block of zeros, or a record copied to another
 * place, never reads as a valid record.
 *
 * <p>Recovery: records are read until the first one that is incomplete or fails its checksum;
 * that is the torn tail of a write that was never acknowledged (its fsync had not returned),
 * and it is cut off. Not thread-safe: one writer, the sequencer.
 */
public final class Journal implements AutoCloseable {
    /** The largest entry: a tlog-tiles bundle prefixes entries with a uint16 length. */
    public static final int MAX_ENTRY = 0xFFFF;

    private static final byte[] HEADER = "packguard-journal/v1\n".getBytes(StandardCharsets.US_ASCII);

    private final FileChannel channel;
    private long size;
    private long bytes;

    private Journal(FileChannel channel, long size, long bytes) {
        this.channel = channel;
        this.size = size;
        this.bytes = bytes;
    }

    /** Receives each recovered entry, in order. */
    @FunctionalInterface
    public interface EntryReader {
        /** Entry {@code index} of the journal. */
        void entry(long index, byte[] entry) throws IOException;
    }

    /**
     * Opens (creating if absent) the journal at {@code file}, hands every intact entry to
     * {@code reader} in order, cuts off a torn tail and positions for appending.
     *
     * @throws IOException when the file cannot be read or is not a journal at all
     */
    public static Journal open(Path file, EntryReader reader) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (ch.size() < HEADER.length) {
                // A journal whose header never reached the disk has no acknowledged entry.
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(HEADER), 0);
                ch.force(true);
                ch.position(HEADER.length);
                return new Journal(ch, 0, HEADER.length);
            }
            long good = HEADER.length;
            long count = 0;
            // A stream of its own: closing a channel's stream would close the channel.
            try (InputStream raw = Files.newInputStream(file);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
                byte[] header = new byte[HEADER.length];
                in.readFully(header);
                if (!Arrays.equals(header, HEADER)) {
                    throw new IOException(file + " is not a packguard journal (bad header)");
                }
                long fileSize = ch.size();
                while (true) {
                    byte[] entry = readRecord(in, count, fileSize - good);
                    if (entry == null) {
                        break;
                    }
                    reader.entry(count, entry);
                    count++;
                    good += 8 + entry.length;
                }
            }
            if (good < ch.size()) {
                ch.truncate(good);
                ch.force(true);
            }
            ch.position(good);
            return new Journal(ch, count, good);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    // One record, or null at a clean end or a torn tail.
    private static byte[] readRecord(DataInputStream in, long index, long remaining) throws IOException {
        if (remaining < 8) {
            return null;
        }
        try {
            int length = in.readInt();
            if (length < 0 || length > MAX_ENTRY || 8L + length > remaining) {
                return null;
            }
            byte[] entry = new byte[length];
            in.readFully(entry);
            int crc = in.readInt();
            return crc == checksum(index, entry) ? entry : null;
        } catch (EOFException e) {
            return null;
        }
    }

    /** CRC-32C over index, length and entry; see the class description. */
    static int checksum(long index, byte[] entry) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(12).putLong(index).putInt(entry.length).flip());
        crc.update(entry);
        return (int) crc.getValue();
    }

    /** The number of entries in the journal. */
    public long size() {
        return size;
    }

    /** The file length in bytes. */
    public long bytes() {
        return bytes;
    }

    /**
     * Appends {@code entries} in order and fsyncs; when this returns they are durable, with the
     * indices {@code size()} before the call onwards.
     *
     * @throws IllegalArgumentException if an entry is larger than {@link #MAX_ENTRY}
     * @throws IOException if the write or fsync fails; the journal must then be closed and reopened,
     *     which recovers to the last durable record
     */
    public void append(List<byte[]> entries) throws IOException {
        int total = 0;
        for (byte[] e : entries) {
            if (e.length > MAX_ENTRY) {
                throw new IllegalArgumentException("entry of " + e.length + " bytes exceeds " + MAX_ENTRY);
            }
            total += 8 + e.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        long index = size;
        for (byte[] e : entries) {
            buf.putInt(e.length).put(e).putInt(checksum(index++, e));
        }
        buf.flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        // force(false): the data and the file length must be durable, the mtime need not be.
        channel.force(false);
        size = index;
        bytes += total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
