package dev.packguard.ledger.note;

import java.util.Optional;

/**
 * The shared grammar of verifier and signer keys, {@code name+hash+base64(type || key)}, where
 * {@code key} is a public key (verifier) or a private seed (signer) and {@code hash} is always
 * the key ID of the public key. Error columns are reported relative to the whole input, offset
 * by {@code column0} characters of prefix already consumed.
 */
record KeyText(KeyName name, int keyId, SignatureType type, byte[] key) {

    static Parsed<KeyText> parse(String text, int column0) {
        if (text.length() + column0 > VerifierKey.MAX_LENGTH) {
            return Parsed.error(1, 1, "key is longer than " + VerifierKey.MAX_LENGTH + " characters");
        }
        int plus1 = text.indexOf('+');
        if (plus1 < 0) {
            return Parsed.error(1, column0 + text.length() + 1, "expected name+keyid+key");
        }
        Parsed<KeyName> name = KeyName.parse(text.substring(0, plus1));
        if (name instanceof Parsed.Err<KeyName> e) {
            return Parsed.error(e.error().shift(0, column0));
        }
        int plus2 = text.indexOf('+', plus1 + 1);
        if (plus2 < 0) {
            return Parsed.error(1, column0 + text.length() + 1, "expected name+keyid+key");
        }
        String hex = text.substring(plus1 + 1, plus2);
        int hexColumn = column0 + plus1 + 2;
        if (hex.length() != 8 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return Parsed.error(1, hexColumn, "key ID must be exactly 8 lowercase hex digits");
        }
        int keyId = Integer.parseUnsignedInt(hex, 16);
        int b64Column = column0 + plus2 + 2;
        byte[] typed = CanonicalBase64.decode(text.substring(plus2 + 1)).orElse(new byte[0]);
        if (typed.length == 0) {
            return Parsed.error(1, b64Column, "key material is not canonical standard base64");
        }
        int typeId = typed[0] & 0xff;
        Optional<SignatureType> type = SignatureType.of(typeId);
        if (type.isEmpty()) {
            return Parsed.error(1, b64Column, String.format("unsupported signature type 0x%02x", typeId));
        }
        byte[] key = java.util.Arrays.copyOfRange(typed, 1, typed.length);
        if (key.length != Ed25519.KEY_SIZE) {
            return Parsed.error(1, b64Column, "an Ed25519 key is 32 bytes, not " + key.length);
        }
        return Parsed.ok(new KeyText(name.orElseThrow(), keyId, type.get(), key));
    }

    /**
     * Checks that {@code publicKey} is a curve point and that this text's key ID is its key ID;
     * errors point at the key ID, at {@code hexColumn}.
     */
    Parsed<KeyText> checkKeyId(byte[] publicKey, int hexColumn) {
        if (Ed25519.publicKey(publicKey).isEmpty()) {
            return Parsed.error(1, hexColumn, "not a valid Ed25519 public key");
        }
        int expected = VerifierKey.keyId(name, type, publicKey);
        if (expected != keyId) {
            return Parsed.error(1, hexColumn, String.format("key ID %08x does not match the key (expected %08x)", keyId, expected));
        }
        return Parsed.ok(this);
    }

    /** The 1-based column of the key ID within the input. */
    int keyIdColumn(int column0) {
        return column0 + name.value().length() + 2;
    }
}
