package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.TreeHash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of one C2SP tlog-tiles entry bundle: a sequence of entries, each a big-endian
 * uint16 length followed by that many bytes, exactly as many entries as the bundle's width.
 * An entry may be empty (RFC 6962 hashes the empty string as a leaf like any other); a bundle
 * may not, since empty tiles are never served. The parsed bytes are kept once; entries are
 * copied out on request.
 */
public final class EntryBundle {

    /** The longest entry a uint16 length prefix can describe. */
    public static final int MAX_ENTRY = 0xFFFF;

    private final Tile tile;
    private final byte[] data;
    private final int[] offsets;

    private EntryBundle(Tile tile, byte[] data, int[] offsets) {
        this.tile = tile;
        this.data = data;
        this.offsets = offsets;
    }

    /**
     * Parses a downloaded bundle for the level-0 tile the caller asked for: exactly
     * {@code tile.width()} length-prefixed entries and not one byte more. Positions in errors
     * are byte offsets: where the bad prefix or the surplus begins, or where the data ended.
     */
    public static Parsed<EntryBundle> parse(Tile tile, byte[] data) {
        if (tile.level() != 0) {
            throw new IllegalArgumentException("entry bundles pair with level-0 tiles: " + tile);
        }
        int[] offsets = new int[tile.width()];
        int at = 0;
        for (int i = 0; i < tile.width(); i++) {
            if (at == data.length) {
                return Parsed.failed(ParseError.Kind.TRUNCATED, at,
                        "bundle ends after " + i + " of " + tile.width() + " entries");
            }
            if (at + 2 > data.length) {
                return Parsed.failed(ParseError.Kind.TRUNCATED, at, "entry " + i + " has half a length prefix");
            }
            int length = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
            if (at + 2 + length > data.length) {
                return Parsed.failed(ParseError.Kind.TRUNCATED, at, "entry " + i + " declares " + length
                        + " bytes, " + (data.length - at - 2) + " remain");
            }
            offsets[i] = at;
            at += 2 + length;
        }
        if (at != data.length) {
            return Parsed.failed(ParseError.Kind.TRAILING_DATA, at, (data.length - at)
                    + " bytes after the " + tile.width() + " entries of " + tile.entriesPath());
        }
        return Parsed.ok(new EntryBundle(tile, data.clone(), offsets));
    }

    /**
     * The wire form of a bundle of {@code entries}.
     *
     * @throws IllegalArgumentException if there are not 1..256 entries or one exceeds 65,535 bytes
     */
    public static byte[] encode(List<byte[]> entries) {
        if (entries.isEmpty() || entries.size() > Tiles.WIDTH) {
            throw new IllegalArgumentException("a bundle holds 1..256 entries, got " + entries.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY) {
                throw new IllegalArgumentException("entry of " + entry.length + " bytes exceeds 65,535");
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    /** The level-0 tile this bundle pairs with. */
    public Tile tile() {
        return tile;
    }

    /** The number of entries, the tile's width. */
    public int size() {
        return offsets.length;
    }

    /** A copy of entry {@code i} (0-based within the bundle). */
    public byte[] entry(int i) {
        int start = offsets[i] + 2;
        return Arrays.copyOfRange(data, start, start + length(i));
    }

    /** Copies of all entries in order. */
    public List<byte[]> entries() {
        List<byte[]> out = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            out.add(entry(i));
        }
        return out;
    }

    /** The RFC 6962 leaf hash of each entry, SHA-256(0x00 || entry), hashed in place. */
    public List<Hash> leafHashes() {
        List<Hash> out = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            out.add(TreeHash.leafHash(data, offsets[i] + 2, length(i)));
        }
        return out;
    }

    private int length(int i) {
        return ((data[offsets[i]] & 0xFF) << 8) | (data[offsets[i] + 1] & 0xFF);
    }
}
