package dev.packguard.ledger.tlog.proof;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.Parsed;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads C2SP tlog-proof v1 files strictly: valid UTF-8, {@code \n} line ends, the exact header,
 * an optional {@code extra} line of canonical base64, {@code index} in decimal without leading
 * zeros, up to 62 canonical base64 hashes, one empty line, then a non-empty checkpoint ending in
 * a newline, kept verbatim for the note verifier. Error positions are 1-based line numbers.
 */
public final class TlogProofParser {

    /** Proof files larger than this are refused before parsing: 62 hashes and a note with many cosignatures fit. */
    public static final int MAX_BYTES = 64 * 1024;

    private TlogProofParser() {
    }

    /** Parses a proof file's bytes. */
    public static Parsed<TlogProof> parse(byte[] file) {
        if (file.length > MAX_BYTES) {
            return fail(ParseError.Kind.WRONG_LENGTH, 0, "proof file of " + file.length + " bytes exceeds " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return fail(ParseError.Kind.BAD_ENCODING, 0, "not UTF-8");
        }
        return parse(text);
    }

    /** Parses a proof file's text. */
    public static Parsed<TlogProof> parse(String text) {
        int at = 0;
        int line = 1;
        int end = text.indexOf('\n', at);
        if (end < 0 || !text.substring(at, end).equals(TlogProof.HEADER)) {
            return fail(ParseError.Kind.BAD_ENCODING, line, "the first line must be " + TlogProof.HEADER);
        }
        at = end + 1;
        line++;

        byte[] extra = null;
        end = text.indexOf('\n', at);
        if (end < 0) {
            return fail(ParseError.Kind.TRUNCATED, line, "no index line");
        }
        if (text.startsWith("extra ", at)) {
            String encoded = text.substring(at + 6, end);
            Optional<byte[]> decoded = canonicalBase64(encoded);
            if (decoded.isEmpty()) {
                return fail(ParseError.Kind.BAD_ENCODING, line, "extra data is not canonical base64");
            }
            extra = decoded.get();
            at = end + 1;
            line++;
            end = text.indexOf('\n', at);
            if (end < 0) {
                return fail(ParseError.Kind.TRUNCATED, line, "no index line");
            }
        }

        String indexLine = text.substring(at, end);
        if (!indexLine.startsWith("index ")) {
            return fail(ParseError.Kind.MISSING, line, "expected \"index <n>\"");
        }
        Parsed<Long> index = decimal(indexLine.substring(6), line);
        if (index instanceof Parsed.Failed<Long> failed) {
            return new Parsed.Failed<>(failed.error());
        }
        at = end + 1;
        line++;

        List<Hash> path = new ArrayList<>();
        while (true) {
            end = text.indexOf('\n', at);
            if (end < 0) {
                return fail(ParseError.Kind.TRUNCATED, line, "no empty line before the checkpoint");
            }
            if (end == at) {
                break;
            }
            if (path.size() == TlogProof.MAX_PATH) {
                return fail(ParseError.Kind.OUT_OF_RANGE, line, "more than " + TlogProof.MAX_PATH + " proof hashes");
            }
            Parsed<Hash> hash = Hash.parseBase64(text.substring(at, end));
            if (hash instanceof Parsed.Failed<Hash> failed) {
                return fail(failed.error().kind(), line, "proof hash: " + failed.error().detail());
            }
            path.add(((Parsed.Ok<Hash>) hash).value());
            at = end + 1;
            line++;
        }
        at = end + 1;
        line++;

        String checkpoint = text.substring(at);
        if (checkpoint.isEmpty()) {
            return fail(ParseError.Kind.MISSING, line, "no checkpoint");
        }
        if (!checkpoint.endsWith("\n")) {
            return fail(ParseError.Kind.TRUNCATED, line, "the checkpoint note must end with a newline");
        }
        return Parsed.ok(TlogProof.of(((Parsed.Ok<Long>) index).value(), path, checkpoint, Optional.ofNullable(extra)));
    }

    // ASCII decimal without leading zeros (except "0"), below 2^62.
    private static Parsed<Long> decimal(String digits, int line) {
        if (digits.isEmpty() || digits.length() > 19) {
            return fail(ParseError.Kind.BAD_ENCODING, line, "index is not a decimal number: \"" + digits + "\"");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return fail(ParseError.Kind.BAD_ENCODING, line, "index is not a decimal number: \"" + digits + "\"");
            }
            if (value > (1L << 62) / 10) {
                return fail(ParseError.Kind.OUT_OF_RANGE, line, "index too large: " + digits);
            }
            value = value * 10 + (c - '0');
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return fail(ParseError.Kind.NON_CANONICAL, line, "index with a leading zero: " + digits);
        }
        if (value >= 1L << 62) {
            return fail(ParseError.Kind.OUT_OF_RANGE, line, "index too large: " + digits);
        }
        return Parsed.ok(value);
    }

    private static Optional<byte[]> canonicalBase64(String text) {
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(decoded).equals(text) ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            // The JDK decoder reports bad characters only by exception; contained here.
            return Optional.empty();
        }
    }

    private static <T> Parsed<T> fail(ParseError.Kind kind, long line, String detail) {
        return Parsed.failed(kind, line, detail);
    }
}
