package dev.packguard.app.gui.verdict;

/** The prompts every verdict screen (packing, returns) words the same way at the same stage. */
public final class Prompts {
    /** Nobody is signed in. */
    public static final String SIGN_IN = "Scan your badge to sign in.";
    /** Nobody is signed in, and the station has an operators roster: its pick-list is shown too. */
    public static final String SIGN_IN_OR_PICK = "Scan your badge, or pick your name from the list, to sign in.";
    /** A pack that must not go on waits for the quarantine bin. */
    public static final String QUARANTINE = "Put the pack in the QUARANTINE bin, then scan the bin label or press F9.";
    /** The workflow has halted. */
    public static final String HALTED = "Work has stopped. Call the pharmacist in charge.";

    private Prompts() {
    }
}
