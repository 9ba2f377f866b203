package dev.packguard.ledger.tlog.tiles;

import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.Parsed;

/** The strict, single-pass parser behind {@link TilePath#parse}. */
final class PathParser {

    private static final int MAX_PATH = 64;
    // The largest tile index, 2^54 - 1, has 17 decimal digits: six 3-digit groups.
    private static final int MAX_GROUPS = 6;

    private final String text;
    private int at;

    PathParser(String text) {
        this.text = text;
    }

    Parsed<TilePath> parse() {
        if (text.length() > MAX_PATH) {
            return fail(ParseError.Kind.WRONG_LENGTH, 0, "longer than any tile path: " + text.length() + " chars");
        }
        if (!text.startsWith("tile/")) {
            return fail(ParseError.Kind.BAD_ENCODING, 0, "a tile path starts with \"tile/\"");
        }
        at = 5;
        boolean entries = text.startsWith("entries/", at);
        int level = 0;
        if (entries) {
            at += 8;
        } else {
            int start = at;
            long value = number(2);
            int digits = at - start;
            if (value < 0 || !consume('/')) {
                return fail(ParseError.Kind.BAD_ENCODING, start, "expected a level and '/'");
            }
            if (digits > 1 && text.charAt(start) == '0') {
                return fail(ParseError.Kind.NON_CANONICAL, start, "level with a leading zero");
            }
            if (value > 63) {
                return fail(ParseError.Kind.OUT_OF_RANGE, start, "level above 63: " + value);
            }
            if (value > Tiles.MAX_LEVEL) {
                return fail(ParseError.Kind.OUT_OF_RANGE, start, "no tree below 2^62 leaves has level " + value);
            }
            level = (int) value;
        }
        int indexStart = at;
        long index = 0;
        for (int group = 1; ; group++) {
            boolean prefixed = consume('x');
            int digitsStart = at;
            long value = number(3);
            if (value < 0 || at - digitsStart != 3) {
                return fail(ParseError.Kind.BAD_ENCODING, digitsStart, "expected three digits");
            }
            if (group > MAX_GROUPS) {
                return fail(ParseError.Kind.OUT_OF_RANGE, indexStart, "tile index too large");
            }
            if (group == 1 && prefixed && value == 0) {
                return fail(ParseError.Kind.NON_CANONICAL, indexStart, "leading x000 group");
            }
            index = index * 1000 + value;
            if (index > Tiles.maxIndex(level)) {
                return fail(ParseError.Kind.OUT_OF_RANGE, indexStart, "tile index beyond a 2^62-leaf tree");
            }
            if (!prefixed) {
                break;
            }
            if (!consume('/')) {
                return fail(ParseError.Kind.BAD_ENCODING, at, "expected '/' after an x group");
            }
        }
        int width = Tiles.WIDTH;
        if (at < text.length()) {
            int suffixStart = at;
            if (!text.startsWith(".p/", at)) {
                return fail(ParseError.Kind.TRAILING_DATA, at, "unexpected text after the index");
            }
            at += 3;
            long value = number(3);
            if (value < 0) {
                return fail(ParseError.Kind.BAD_ENCODING, at, "expected a partial width");
            }
            if (text.charAt(suffixStart + 3) == '0') {
                return fail(ParseError.Kind.NON_CANONICAL, suffixStart + 3, "width with a leading zero or zero");
            }
            if (value > 255) {
                return fail(ParseError.Kind.OUT_OF_RANGE, suffixStart + 3, "partial width above 255: " + value);
            }
            if (at < text.length()) {
                return fail(ParseError.Kind.TRAILING_DATA, at, "unexpected text after the width");
            }
            width = (int) value;
        }
        Tile tile = new Tile(level, index, width);
        return Parsed.ok(entries ? new TilePath.EntryBundle(tile) : new TilePath.HashTile(tile));
    }

    // Reads up to maxDigits ASCII digits; -1 if there are none.
    private long number(int maxDigits) {
        int start = at;
        long value = 0;
        while (at < text.length() && at - start < maxDigits + 1) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            at++;
        }
        if (at == start || at - start > maxDigits) {
            return -1;
        }
        return value;
    }

    private boolean consume(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private static Parsed<TilePath> fail(ParseError.Kind kind, int position, String detail) {
        return Parsed.failed(kind, position, detail);
    }
}
