package dev.packguard.ledger.statement;

/** Why a key stops being trusted; names follow RFC 5280 §5.3.1 CRLReason. */
public enum RevocationReason implements WireEnum {
    KEY_COMPROMISE,
    SUPERSEDED,
    CESSATION_OF_OPERATION
}
