package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.TreeHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contents of a Merkle tile: its hashes, exactly as many as the tile's width (C2SP
 * tlog-tiles: a tile is the concatenation of its 32-byte hashes, a full one 8,192 bytes).
 */
public final class TileData {

    private final Tile tile;
    private final List<Hash> hashes;

    private TileData(Tile tile, List<Hash> hashes) {
        this.tile = tile;
        this.hashes = hashes;
    }

    /**
     * Parses downloaded tile bytes for the tile the caller asked for: the length must be
     * exactly {@code tile.width() * 32}. Positions in errors are byte offsets.
     */
    public static Parsed<TileData> parse(Tile tile, byte[] data) {
        long expected = (long) tile.width() * Hash.SIZE;
        if (data.length < expected) {
            return Parsed.failed(ParseError.Kind.TRUNCATED, data.length,
                    tile + " needs " + expected + " bytes, got " + data.length);
        }
        if (data.length > expected) {
            return Parsed.failed(ParseError.Kind.TRAILING_DATA, expected,
                    tile + " needs " + expected + " bytes, got " + data.length);
        }
        List<Hash> hashes = new ArrayList<>(tile.width());
        for (int i = 0; i < tile.width(); i++) {
            hashes.add(Hash.of(data, i * Hash.SIZE));
        }
        return Parsed.ok(new TileData(tile, List.copyOf(hashes)));
    }

    /**
     * A tile from hashes a writer computed.
     *
     * @throws IllegalArgumentException if the count differs from the tile's width
     */
    public static TileData of(Tile tile, List<Hash> hashes) {
        if (hashes.size() != tile.width()) {
            throw new IllegalArgumentException(tile + " holds " + tile.width() + " hashes, got " + hashes.size());
        }
        return new TileData(tile, List.copyOf(hashes));
    }

    /** The coordinates. */
    public Tile tile() {
        return tile;
    }

    /** The hashes, left to right. */
    public List<Hash> hashes() {
        return hashes;
    }

    /** The wire form: the hashes concatenated. */
    public byte[] encode() {
        byte[] out = new byte[hashes.size() * Hash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            hashes.get(i).copyTo(out, i * Hash.SIZE);
        }
        return out;
    }

    /**
     * The hash of the subtree of height {@code height} (0..8) whose bottom row starts at
     * position {@code from} of this tile, RFC 6962 §2.1; for a full tile,
     * {@code subtreeHash(0, 8)} is the hash stored one level up.
     */
    public Hash subtreeHash(int from, int height) {
        Objects.checkFromIndexSize(from, 1 << height, hashes.size());
        return TreeHash.perfectRoot(hashes, from, height);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TileData that && tile.equals(that.tile) && hashes.equals(that.hashes);
    }

    @Override
    public int hashCode() {
        return tile.hashCode() * 31 + hashes.hashCode();
    }
}
