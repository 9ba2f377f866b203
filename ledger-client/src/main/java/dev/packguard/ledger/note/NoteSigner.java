package dev.packguard.ledger.note;

/**
 * Something that can add one signature line to a note: a log key signing the text, or a
 * witness cosigning it with a timestamp. Implementations must be safe to call from any thread.
 */
public interface NoteSigner {
    /** The key name written on the signature line. */
    KeyName name();

    /** The key ID written as the first four bytes of the signature. */
    int keyId();

    /**
     * The signature of {@code text} (the note text, UTF-8, ending in a newline), without the
     * key ID prefix.
     */
    byte[] sign(byte[] text);
}
