package dev.packguard.app.station.audit;

/** What an audit record is about. The names are part of the export format; never rename one. */
public enum AuditKind {
    /** An operator identified at the station. */
    OPERATOR,
    /** An order was opened for packing. */
    ORDER_OPENED,
    /** A code was scanned (recorded before its verdict, so a crash between the two is visible). */
    SCAN,
    /** The verdict on a scanned unit, with the reasons. */
    VERDICT,
    /** A pharmacist overrode a block, with the reason given. */
    OVERRIDE,
    /** A unit went to the quarantine bin; a suspect-product report was filed. */
    QUARANTINE,
    /** An order was packed and sealed; its units are dispensed. */
    DISPENSE,
    /** A returned unit was taken back into saleable stock (verified, seal intact). */
    RETURN,
    /** A dispense was undone by a pharmacist. */
    UNDO,
    /** At the returns bench, the operator's answer to "is the seal intact?" for a verified unit. */
    SEAL_CHECK
}
