package dev.packguard.node.witness;

import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.tlog.Hash;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of a c2sp.org/tlog-witness {@code add-checkpoint} request: an {@code old <size>}
 * line, zero to 63 consistency proof lines (base64 hashes), an empty line, then the signed
 * checkpoint note verbatim.
 *
 * @param oldSize the size of the checkpoint the client believes the witness last cosigned
 * @param proof the RFC 6962 §2.1.2 consistency proof from {@code oldSize} to the checkpoint's size
 * @param note the checkpoint note with its signatures, as bytes
 */
public record AddCheckpointRequest(long oldSize, List<Hash> proof, byte[] note) {
    /** The spec's limit on proof lines. */
    public static final int MAX_PROOF = 63;
    /** Far above any checkpoint note; a bigger body is refused unread. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Copies; requires a non-negative size and at most 63 hashes. */
    public AddCheckpointRequest {
        if (oldSize < 0 || proof.size() > MAX_PROOF) {
            throw new IllegalArgumentException("old size must be >= 0 and the proof at most 63 hashes");
        }
        proof = List.copyOf(proof);
        note = note.clone();
    }

    @Override
    public byte[] note() {
        return note.clone();
    }

    /** The wire form. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("old " + oldSize + "\n").getBytes(StandardCharsets.US_ASCII));
        for (Hash h : proof) {
            out.writeBytes((h.base64() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\n');
        out.writeBytes(note);
        return out.toByteArray();
    }

    /**
     * Parses a request body strictly: {@code old} followed by one space and a decimal without
     * leading zeros; proof lines in canonical base64 of 32 bytes; every line ended by a newline.
     * Errors carry the 1-based line number.
     */
    public static Parsed<AddCheckpointRequest> parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            return Parsed.error(1, 1, "request body larger than " + MAX_BYTES + " bytes");
        }
        int at = 0;
        int line = 1;
        long oldSize = -1;
        List<Hash> proof = new ArrayList<>();
        while (true) {
            int nl = indexOf(body, at);
            if (nl < 0) {
                return Parsed.error(line, 1, "line does not end in a newline");
            }
            String text = new String(body, at, nl - at, StandardCharsets.US_ASCII);
            at = nl + 1;
            if (line == 1) {
                if (!text.matches("old (0|[1-9][0-9]{0,18})")) {
                    return Parsed.error(1, 1, "the first line must be \"old <size>\" in canonical decimal");
                }
                try {
                    oldSize = Long.parseLong(text.substring(4));
                } catch (NumberFormatException e) {
                    return Parsed.error(1, 5, "old size larger than 2^63-1");
                }
            } else if (text.isEmpty()) {
                break;
            } else {
                if (proof.size() == MAX_PROOF) {
                    return Parsed.error(line, 1, "more than 63 consistency proof lines");
                }
                var hash = Hash.parseBase64(text);
                if (hash.ok().isEmpty()) {
                    return Parsed.error(line, 1, "not a canonical base64 SHA-256 hash");
                }
                proof.add(hash.ok().get());
            }
            line++;
        }
        if (at == body.length) {
            return Parsed.error(line + 1, 1, "no checkpoint after the empty line");
        }
        return Parsed.ok(new AddCheckpointRequest(oldSize, proof, Arrays.copyOfRange(body, at, body.length)));
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
