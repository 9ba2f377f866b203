package dev.packguard.node.tiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement on POSIX file systems: a reader (a web server, a restarted node)
 * sees either the old file or the complete new one, never a prefix. The bytes go to a temporary
 * name in the same directory, are fsynced, then renamed over the target (rename(2) is atomic
 * within one file system); the directory is fsynced separately so the rename itself survives
 * a power cut.
 */
public final class AtomicFiles {
    /** Temporary files start with this, so a web server config can refuse them and cleanup can find them. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} atomically and durably, except for the directory
     * entry: call {@link #syncDirectory} on the parent before depending on the rename.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            // fdatasync: the bytes and the length; the file's timestamps need not be durable.
            ch.force(false);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system cannot rename atomically: " + dir, e);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** {@link #write} followed by an fsync of the target's directory. */
    public static void writeDurably(Path target, byte[] bytes) throws IOException {
        write(target, bytes);
        syncDirectory(target.getParent());
    }

    /** Fsyncs one directory (opening a directory for reading works on Linux and macOS). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
