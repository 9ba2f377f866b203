package dev.packguard.ledger.statement;

/** Why a unit is reported suspect; the categories of "suspect product" in DSCSA (FD&C Act §581(21)). */
public enum Suspicion implements WireEnum {
    COUNTERFEIT,
    DIVERTED,
    STOLEN,
    ADULTERATED,
    FRAUDULENT_TRANSACTION,
    UNFIT
}
