package dev.packguard.ledger.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Writes statements and entries in their one canonical form: RFC 8785 JSON Canonicalization
 * Scheme (JCS) of the JSON in docs/LEDGER.md "Statements". {@link EntryDecoder} reads them back.
 */
public final class StatementCodec {
    /** Domain separation for the signed bytes, so a statement signature can never be replayed as another protocol's. */
    public static final String SIGNING_PREFIX = "packguard/statement/v1\n";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatementCodec() {}

    /** The JCS (RFC 8785) UTF-8 bytes of the statement body. */
    public static byte[] body(Statement statement) {
        return canonical(StatementJson.toJson(statement));
    }

    /** The bytes a signature covers: {@code "packguard/statement/v1" || 0x0A || JCS(body)}. */
    public static byte[] signingInput(Statement statement) {
        byte[] prefix = SIGNING_PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] body = body(statement);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    /** The entry bytes: JCS of {@code {"signature":{"alg","keyId","value"},"statement":{…}}}. */
    public static byte[] entry(SignedStatement entry) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("statement", StatementJson.toJson(entry.statement()));
        root.set("signature", StatementJson.toJson(entry.signature()));
        return canonical(root);
    }

    static byte[] canonical(ObjectNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsBytes(node)).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and integers always serialises", e);
        } catch (IOException e) {
            throw new IllegalStateException("JSON written by Jackson is valid input for JCS", e);
        }
    }
}
