package dev.packguard.ledger.rules;

/** What the station is doing with the scanned unit; rule 6 differs between the two. */
public enum Mode {
    /** Packing an order: the unit must be in our custody and not dispensed yet. */
    PACK,
    /** A saleable return: the unit must have been dispensed by us, within the return window. */
    RETURN
}
