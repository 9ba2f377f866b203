package dev.packguard.ledger.statement;

import java.util.List;
import java.util.Set;

/**
 * A supply-chain event, modelled on an EPCIS 2.0 ObjectEvent with its CBV 2.0 business step
 * and disposition (the values are fixed per type and written on the wire for EPCIS readers).
 */
public sealed interface Event extends Statement
        permits Commissioning, Shipping, Receiving, Dispensing, DispenseUndo, DispenseReturn, Returning,
                Decommissioning, Recall, SuspectReport {
    /** At most this many units in one event, which keeps an entry well under the 64 KiB limit. */
    int MAX_UNITS = 1000;

    /** Largest log index a statement can name: 2^53 - 1, the largest integer RFC 8785 numbers hold exactly. */
    long MAX_LOG_INDEX = (1L << 53) - 1;

    /** The type's fixed properties. */
    EventKind kind();

    @Override
    default String type() {
        return kind().type();
    }

    @Override
    default Set<Role> signerRoles() {
        return kind().signerRoles();
    }

    /** The CBV business step, bare name (e.g. {@code shipping}). */
    default String bizStep() {
        return kind().bizStep();
    }

    /** The CBV disposition, bare name (e.g. {@code in_transit}). */
    default String disposition() {
        return kind().disposition();
    }

    /** The units the event is about, sorted and distinct; empty only for a recall of a whole lot. */
    List<UnitCommitment> units();
}
