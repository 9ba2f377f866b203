package dev.packguard.ledger.note;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A private note signing key, in the text form
 * {@code PRIVATE+KEY+<name>+<key ID>+<base64(type byte || 32-byte Ed25519 seed)>} of
 * golang.org/x/mod/sumdb/note, where the key ID is that of the matching {@link VerifierKey}.
 * The literal prefix keeps it from being mistaken for a public key.
 *
 * <p>Anyone holding the text can sign as this key: {@link #toString()} never shows the seed and
 * parse errors never quote the input. Type {@link SignatureType#COSIGNATURE_V1} keys are for
 * witnesses (c2sp.org/tlog-cosignature); their key ID is computed with type byte 0x04.
 */
public final class SignerKey {
    private static final String PREFIX = "PRIVATE+KEY+";

    private final KeyName name;
    private final SignatureType type;
    private final byte[] seed;
    private final VerifierKey verifierKey;

    private SignerKey(KeyName name, SignatureType type, byte[] seed) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (seed.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        this.seed = seed.clone();
        this.verifierKey = VerifierKey.of(name, type, Ed25519.publicKeyOfSeed(this.seed));
    }

    /** A new random key named {@code name}, for our own log node, witnesses and tests. */
    public static SignerKey generate(KeyName name, SignatureType type, SecureRandom random) {
        byte[] seed = new byte[Ed25519.KEY_SIZE];
        random.nextBytes(seed);
        return new SignerKey(name, type, seed);
    }

    /** The key with the given 32-byte private {@code seed} (deterministic keys for demos and tests). */
    public static SignerKey fromSeed(KeyName name, SignatureType type, byte[] seed) {
        return new SignerKey(name, type, seed);
    }

    /**
     * Parses the text form. Refused: a missing {@code PRIVATE+KEY+} prefix, a bad name, a key ID
     * that is not 8 lowercase hex digits or not the key ID of the derived public key,
     * non-canonical base64, an unsupported type, a seed that is not 32 bytes.
     */
    public static Parsed<SignerKey> parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return Parsed.error(1, 1, "a signer key starts with PRIVATE+KEY+");
        }
        return KeyText.parse(text.substring(PREFIX.length()), PREFIX.length())
                .flatMap(k -> k.checkKeyId(Ed25519.publicKeyOfSeed(k.key()), k.keyIdColumn(PREFIX.length())))
                .map(k -> new SignerKey(k.name(), k.type(), k.key()));
    }

    public KeyName name() {
        return name;
    }

    public SignatureType type() {
        return type;
    }

    /** The public half, to give to verifiers. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The secret text form, which {@link #parse} accepts; handle it like a password. */
    public String encoded() {
        byte[] typed = new byte[seed.length + 1];
        typed[0] = (byte) type.id();
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return PREFIX + name.value() + "+" + verifierKey.keyIdHex() + "+" + CanonicalBase64.encode(typed);
    }

    /**
     * The raw 64-byte Ed25519 signature of {@code message}. Callers decide what the message is:
     * the note text for type 0x01 ({@link #noteSigner()}), the {@code cosignature/v1} message for
     * type 0x04.
     */
    public byte[] signRaw(byte[] message) {
        return Ed25519.sign(seed, message);
    }

    /**
     * A signer of note texts (c2sp.org/signed-note §Ed25519 signatures).
     *
     * @throws IllegalStateException when this is a cosignature key; use a cosigner for those
     */
    public NoteSigner noteSigner() {
        if (type != SignatureType.ED25519) {
            throw new IllegalStateException("a " + type + " key signs cosignature messages, not note texts");
        }
        SignerKey self = this;
        return new NoteSigner() {
            @Override
            public KeyName name() {
                return name;
            }

            @Override
            public int keyId() {
                return verifierKey.keyId();
            }

            @Override
            public byte[] sign(byte[] text) {
                return self.signRaw(text);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignerKey k && k.name.equals(name) && k.type == type && Arrays.equals(k.seed, seed);
    }

    @Override
    public int hashCode() {
        return verifierKey.hashCode();
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "SignerKey[" + verifierKey.encoded() + "]";
    }
}
