package dev.packguard.ledger.statement;

/** Why a unit leaves the supply chain other than by dispensing, with its CBV 2.0 step and disposition. */
public enum DecommissionReason implements WireEnum {
    DESTROYED("destroying", "destroyed"),
    STOLEN("decommissioning", "stolen"),
    /** Taken as a sample (inspection, authority); no longer saleable. */
    SAMPLE("sampling", "inactive"),
    /** Left the consortium's market; the unit stays valid elsewhere but not here. */
    EXPORTED("decommissioning", "inactive");

    private final String bizStep;
    private final String disposition;

    DecommissionReason(String bizStep, String disposition) {
        this.bizStep = bizStep;
        this.disposition = disposition;
    }

    /** CBV business step. */
    public String bizStep() {
        return bizStep;
    }

    /** CBV disposition. */
    public String disposition() {
        return disposition;
    }
}
