package dev.packguard.ledger.statement;

/**
 * What a party is certified to do in the supply chain. The order of the constants is part of the
 * certificate format (dev.packguard.ledger.pki.PartyProfileExtension encodes ordinal + 1): append only.
 */
public enum Role implements WireEnum {
    MANUFACTURER,
    WHOLESALER,
    /** A pharmacy: the only role that dispenses. */
    DISPENSER,
    /** A competent authority: may recall and report suspect product, never moves goods. */
    REGULATOR
}
