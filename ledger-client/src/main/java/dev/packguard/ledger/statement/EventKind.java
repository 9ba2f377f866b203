package dev.packguard.ledger.statement;

import java.util.EnumSet;
import java.util.Set;

/**
 * What is fixed per event type: its wire name, its CBV 2.0 business step and disposition (bare
 * names, written on the wire for EPCIS readers) and the roles that may sign it. Decommissioning's
 * step and disposition depend on its reason, so that record supplies them itself.
 */
public enum EventKind {
    COMMISSIONING(Commissioning.TYPE, "commissioning", "active", EnumSet.of(Role.MANUFACTURER)),
    SHIPPING(Shipping.TYPE, "shipping", "in_transit", EnumSet.of(Role.MANUFACTURER, Role.WHOLESALER)),
    RECEIVING(Receiving.TYPE, "receiving", "sellable_accessible", EnumSet.of(Role.MANUFACTURER, Role.WHOLESALER, Role.DISPENSER)),
    RETURNING(Returning.TYPE, "shipping", "returned", EnumSet.of(Role.WHOLESALER, Role.DISPENSER)),
    DISPENSING(Dispensing.TYPE, "dispensing", "dispensed", EnumSet.of(Role.DISPENSER)),
    DISPENSE_UNDO(DispenseUndo.TYPE, "stocking", "sellable_accessible", EnumSet.of(Role.DISPENSER)),
    DISPENSE_RETURN(DispenseReturn.TYPE, "inspecting", "sellable_accessible", EnumSet.of(Role.DISPENSER)),
    DECOMMISSIONING(Decommissioning.TYPE, null, null, EnumSet.of(Role.MANUFACTURER, Role.WHOLESALER, Role.DISPENSER)),
    RECALL(Recall.TYPE, "holding", "recalled", EnumSet.of(Role.MANUFACTURER, Role.REGULATOR)),
    SUSPECT_REPORT(SuspectReport.TYPE, "holding", "non_sellable_other", EnumSet.of(Role.MANUFACTURER, Role.WHOLESALER, Role.DISPENSER, Role.REGULATOR));

    private final String type;
    private final String bizStep;
    private final String disposition;
    private final Set<Role> signerRoles;

    EventKind(String type, String bizStep, String disposition, Set<Role> signerRoles) {
        this.type = type;
        this.bizStep = bizStep;
        this.disposition = disposition;
        this.signerRoles = signerRoles;
    }

    /** The wire name of the type. */
    public String type() {
        return type;
    }

    /** The CBV business step; null only for {@link #DECOMMISSIONING}, whose reason decides it. */
    String bizStep() {
        return bizStep;
    }

    /** The CBV disposition; null only for {@link #DECOMMISSIONING}, whose reason decides it. */
    String disposition() {
        return disposition;
    }

    /** The roles whose keys may sign this type (a copy). */
    public Set<Role> signerRoles() {
        return EnumSet.copyOf(signerRoles);
    }
}
