package dev.packguard.app.station.operators;

/** How an operator identified at the station; the audit log records it with the sign-in. */
public enum SignInMethod {
    /** The badge was scanned (or its id typed in the manual entry field). */
    BADGE_SCAN("badge scan"),
    /** The name was picked from the roster's list on screen. */
    PICKED_FROM_LIST("picked from the list");

    private final String words;

    SignInMethod(String words) {
        this.words = words;
    }

    /** How the audit log words it. */
    public String words() {
        return words;
    }
}
