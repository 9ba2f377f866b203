package dev.packguard.ledger.checkpoint;

import dev.packguard.ledger.note.CanonicalBase64;
import dev.packguard.ledger.note.Parsed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A transparency log checkpoint: the note text of c2sp.org/tlog-checkpoint §Note text. Lines:
 * origin, tree size, base64 root hash, then optional extension lines, each ending in a newline.
 *
 * <p>Parsing is strict: every line non-empty; the size in ASCII decimal without leading zeros
 * (just {@code 0} for an empty tree) and at most 2<sup>63</sup>-1 (the spec allows a u64; no
 * real log comes near, and a Java {@code long} keeps arithmetic simple); the root hash the
 * canonical padded base64 of exactly 32 bytes (an RFC 6962 SHA-256 root).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
    /** SHA-256 roots are 32 bytes. */
    public static final int HASH_SIZE = 32;

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        extensions = List.copyOf(extensions);
        rootHash = rootHash.clone();
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative: " + size);
        }
        if (rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("root hash is 32 bytes, not " + rootHash.length);
        }
        for (String e : extensions) {
            if (e.isEmpty() || e.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("extension lines are non-empty single lines");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public static Checkpoint of(String origin, long size, byte[] rootHash) {
        return new Checkpoint(origin, size, rootHash, List.of());
    }

    /**
     * Parses a checkpoint note text (the text of a {@link dev.packguard.ledger.note.SignedNote},
     * ending in a newline). Errors name the line: 1 origin, 2 size, 3 root hash, 4+ extensions.
     */
    public static Parsed<Checkpoint> parse(String text) {
        if (!text.endsWith("\n")) {
            return Parsed.error(1, 1, "checkpoint text does not end in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            return Parsed.error(lines.length + 1, 1, "a checkpoint has origin, tree size and root hash lines");
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                return Parsed.error(i + 1, 1, i == 0 ? "origin is empty" : "checkpoint line " + (i + 1) + " is empty");
            }
        }
        String sizeText = lines[1];
        if (!SIZE.matcher(sizeText).matches()) {
            return Parsed.error(2, 1, "tree size must be decimal digits without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(sizeText);
        } catch (NumberFormatException tooBig) {
            return Parsed.error(2, 1, "tree size is larger than 2^63-1");
        }
        Optional<byte[]> decoded = CanonicalBase64.decode(lines[2]);
        if (decoded.isEmpty()) {
            return Parsed.error(3, 1, "root hash is not canonical standard base64");
        }
        byte[] root = decoded.get();
        if (root.length != HASH_SIZE) {
            return Parsed.error(3, 1, "root hash is " + root.length + " bytes, not 32");
        }
        List<String> ext = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        return Parsed.ok(new Checkpoint(lines[0], size, root, ext));
    }

    /** The root hash (a copy). */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The root hash in base64, as on line 3. */
    public String rootHashBase64() {
        return CanonicalBase64.encode(rootHash);
    }

    /** The note text: what {@link #parse} accepts and returns an equal checkpoint for. */
    public String text() {
        StringBuilder b = new StringBuilder(origin).append('\n').append(size).append('\n').append(rootHashBase64()).append('\n');
        for (String e : extensions) {
            b.append(e).append('\n');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size && Arrays.equals(c.rootHash, rootHash)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return origin + " @ " + size + " " + rootHashBase64();
    }
}
