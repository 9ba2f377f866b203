package dev.packguard.ledger.statement;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Decodes untrusted entry bytes (from a log, a file, a peer) into a {@link SignedStatement}, once,
 * at the edge, refusing everything that is not exactly one canonical version-1 entry
 * (docs/LEDGER.md "Statements", "Invalid entries"). Never throws for bad input.
 *
 * <p>Checks, in order: size ≤ {@link #MAX_ENTRY_BYTES}; strict JSON (UTF-8, no duplicate member
 * names, no trailing data, nesting ≤ {@link #MAX_DEPTH}); byte-for-byte equal to its RFC 8785
 * canonical form; then the members, types and value domains of the entry, statement and
 * signature. The signature itself is checked elsewhere (it needs the signer's certified key).
 */
public final class EntryDecoder {
    /** Largest entry accepted: 64 KiB. A full 1000-unit event is about 47 KB. */
    public static final int MAX_ENTRY_BYTES = 64 * 1024;
    /** Entries nest three levels ({@code {"statement":{"units":[…]}}}); anything much deeper is hostile. */
    public static final int MAX_DEPTH = 8;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_ENTRY_BYTES)
                            .maxNumberLength(32)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EntryDecoder() {}

    /** The entry in {@code bytes}, or why it is not one. */
    public static EntryDecoding decode(byte[] bytes) {
        if (bytes.length > MAX_ENTRY_BYTES) {
            return new EntryDecoding.Invalid(EntryDecoding.Problem.TOO_LARGE, "",
                    "entry has " + bytes.length + " bytes, the limit is " + MAX_ENTRY_BYTES);
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            long offset = at == null ? -1 : at.getByteOffset();
            return new EntryDecoding.Invalid(EntryDecoding.Problem.NOT_JSON, offset < 0 ? "" : "@" + offset, e.getOriginalMessage());
        } catch (IOException e) {
            return new EntryDecoding.Invalid(EntryDecoding.Problem.NOT_JSON, "", String.valueOf(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            return new EntryDecoding.Invalid(EntryDecoding.Problem.NOT_JSON, "", "no JSON value");
        }
        Optional<EntryDecoding.Invalid> notCanonical = checkCanonical(bytes);
        if (notCanonical.isPresent()) {
            return notCanonical.get();
        }
        try {
            return new EntryDecoding.Decoded(read(tree));
        } catch (Rejection r) {
            return r.toInvalid();
        } catch (IllegalArgumentException e) {
            // The readers check every domain before constructing; this only guards against a gap between the two.
            return new EntryDecoding.Invalid(EntryDecoding.Problem.BAD_VALUE, "/statement", e.getMessage());
        }
    }

    private static SignedStatement read(JsonNode tree) {
        JsonFields entry = JsonFields.of(tree, "");
        Statement statement = StatementReader.read(entry.raw("statement"), "/statement");
        JsonFields sig = entry.object("signature");
        SignatureAlgorithm alg = SignatureAlgorithm.fromWireName(sig.text("alg")).orElseThrow(
                () -> new Rejection(EntryDecoding.Problem.UNKNOWN_TYPE, "/signature/alg", "alg must be Ed25519 or ES256"));
        KeyId keyId = sig.parsed("keyId", "a key id (base64url of 16 bytes)",
                t -> KeyId.isValid(t) ? Optional.of(new KeyId(t)) : Optional.empty());
        byte[] value = sig.parsed("value", "base64url of a 64-byte signature",
                t -> Base64Url.decode(t).filter(b -> b.length == SignatureAlgorithm.SIGNATURE_BYTES));
        sig.end();
        entry.end();
        return new SignedStatement(statement, new StatementSignature(alg, keyId, value));
    }

    /** Empty when {@code bytes} (already known to be strict JSON) is its own RFC 8785 form; else the defect. */
    private static Optional<EntryDecoding.Invalid> checkCanonical(byte[] bytes) {
        byte[] canonical;
        try {
            canonical = new JsonCanonicalizer(bytes).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            // The canonicaliser is third-party code fed hostile (if well-formed) bytes: any failure means "not ours".
            return Optional.of(new EntryDecoding.Invalid(EntryDecoding.Problem.NOT_CANONICAL, "", "cannot canonicalise: " + e.getMessage()));
        }
        if (Arrays.equals(bytes, canonical)) {
            return Optional.empty();
        }
        int at = Arrays.mismatch(bytes, canonical);
        return Optional.of(new EntryDecoding.Invalid(EntryDecoding.Problem.NOT_CANONICAL, "@" + at,
                "bytes differ from the RFC 8785 canonical form at offset " + at));
    }
}
