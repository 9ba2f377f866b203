package dev.packguard.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a station configuration file in the format of docs/CONFIGURATION.md. The text is
 * validated with {@link StationConfigParser#parse} before anything touches the disk, so a file
 * this class writes is always one the station can read; and it is written atomically (a
 * temporary file in the same folder, flushed to disk, then renamed over the old file), so a
 * crash or a full disk leaves either the old file or the new one, never half of one.
 */
public final class StationConfigWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private StationConfigWriter() {
    }

    /** The outcome of {@link #write}. */
    public sealed interface Outcome {
    }

    /** The file was written; {@code config} is what the station will read from it. */
    public record Written(Path file, StationConfig config) implements Outcome {
    }

    /** Nothing was written: the configuration is invalid; each error names its field. */
    public record Refused(List<ConfigError> errors) implements Outcome {
        public Refused {
            errors = List.copyOf(errors);
        }
    }

    /** Nothing was written (the old file, if any, is untouched): the disk said no. */
    public record Failed(String problem) implements Outcome {
    }

    /**
     * The file text for {@code draft}: format 1, the fields that are set, in the documented
     * order. A number or true/false field whose text is not one is written as a string, so the
     * parser names the field ("must be a whole number ...") instead of the text failing to be JSON.
     */
    public static String json(ConfigDraft draft) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", StationConfigParser.FORMAT);
        for (ConfigField f : ConfigField.values()) {
            String text = draft.get(f).strip();
            if (text.isEmpty()) {
                continue;
            }
            ObjectNode parent = f.section().map(s -> root.has(s) ? (ObjectNode) root.get(s) : root.putObject(s))
                    .orElse(root);
            switch (f.kind()) {
                case NUMBER -> {
                    if (WHOLE_NUMBER.matcher(text).matches()) {
                        parent.put(f.key(), Long.parseLong(text));
                    } else {
                        parent.put(f.key(), text);
                    }
                }
                case BOOLEAN -> {
                    if (text.equals("true") || text.equals("false")) {
                        parent.put(f.key(), Boolean.parseBoolean(text));
                    } else {
                        parent.put(f.key(), text);
                    }
                }
                case TEXT, FILE, NEW_FILE -> parent.put(f.key(), text);
            }
        }
        // Two-space indent and "key": value, as the examples in docs/CONFIGURATION.md are written.
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of strings and numbers always serialises", e);
        }
    }

    /** The file text for {@code config} when written to {@code target} (paths under its folder relative). */
    public static String json(StationConfig config, Path target) {
        return json(ConfigDraft.of(config, folder(target)));
    }

    /** Validates {@code draft} as the file {@code target} and, when valid, writes it there atomically. */
    public static Outcome write(ConfigDraft draft, Path target) {
        return writeText(json(draft), target);
    }

    /** Writes {@code config} to {@code target} atomically, paths under its folder relative. */
    public static Outcome write(StationConfig config, Path target) {
        return writeText(json(config, target), target);
    }

    private static Outcome writeText(String text, Path target) {
        Path file = target.toAbsolutePath().normalize();
        ConfigResult parsed = StationConfigParser.parse(text, file);
        if (parsed instanceof ConfigResult.Invalid bad) {
            return new Refused(bad.errors());
        }
        try {
            replaceAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Failed("Cannot write " + file + ": " + e);
        }
        return new Written(file, ((ConfigResult.Valid) parsed).config());
    }

    /**
     * Temporary file beside {@code file}, its bytes forced to the device, renamed over
     * {@code file} (one rename: readers see the old or the new file), then the folder forced so
     * the rename itself survives a power cut. On any failure the temporary file is removed.
     */
    static void replaceAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = folder(file);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot replace a file atomically", e);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        forceDirectory(dir);
    }

    // POSIX makes a rename durable only once the directory is synced. Windows cannot open a
    // directory as a channel, and NTFS journals the rename itself; there the step does not apply.
    private static void forceDirectory(Path dir) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static Path folder(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }
}
