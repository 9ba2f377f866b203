package dev.packguard.node.sequencer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Accepts an entry only if it is a JSON object in its RFC 8785 (JSON Canonicalization Scheme)
 * form, byte for byte, and valid UTF-8: the form every PackGuard statement is signed and logged
 * in (docs/LEDGER.md), so that one statement has exactly one encoding in the log.
 */
public final class CanonicalJsonValidator implements SubmissionValidator {

    @Override
    public Verdict check(byte[] entry) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(entry)).toString();
        } catch (CharacterCodingException e) {
            return new Verdict.Invalid("the entry is not valid UTF-8");
        }
        if (text.isEmpty() || text.charAt(0) != '{') {
            return new Verdict.Invalid("the entry is not a JSON object");
        }
        byte[] canonical;
        try {
            canonical = new JsonCanonicalizer(text).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            // The canonicalizer reports syntax errors as IOException and some as runtime
            // exceptions; either way the bytes are not JSON and the message says why.
            return new Verdict.Invalid("the entry is not valid JSON: " + e.getMessage());
        }
        if (!Arrays.equals(canonical, entry)) {
            return new Verdict.Invalid("the entry is JSON but not in RFC 8785 canonical form"
                    + " (sorted keys, no whitespace, canonical numbers and strings)");
        }
        return Verdict.ACCEPT;
    }
}
