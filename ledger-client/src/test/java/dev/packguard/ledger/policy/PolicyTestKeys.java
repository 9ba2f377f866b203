package dev.packguard.ledger.policy;

import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic keys for policy tests: the seed is SHA-256 of the name. */
final class PolicyTestKeys {
    private PolicyTestKeys() {
    }

    static SignerKey log(String name) {
        return key(name, SignatureType.ED25519);
    }

    static SignerKey witness(String name) {
        return key(name, SignatureType.COSIGNATURE_V1);
    }

    private static SignerKey key(String name, SignatureType type) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest((type + name).getBytes(StandardCharsets.UTF_8));
            return SignerKey.fromSeed(new KeyName(name), type, seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
