package dev.packguard.ledger.pki;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle JCA provider instance of this package. It is used by reference, never
 * installed with {@code Security.addProvider}, so the host application's provider list is
 * untouched; one instance because building it takes a noticeable fraction of a second.
 */
final class BouncyCastle {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}
}
