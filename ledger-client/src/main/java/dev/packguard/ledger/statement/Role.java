package dev.packguard.ledger.statement;

/** What a party is certified to do in the supply chain. */
public enum Role implements WireEnum {
    MANUFACTURER,
    WHOLESALER,
    /** A pharmacy: the only role that dispenses. */
    DISPENSER,
    /** A competent authority: may recall and report suspect product, never moves goods. */
    REGULATOR
}
