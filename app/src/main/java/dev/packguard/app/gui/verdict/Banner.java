package dev.packguard.app.gui.verdict;

/**
 * How a verdict banner (and the ledger line) is drawn: each level has its own colour
 * ({@code level-*} in verdict.css), mark and words, so it reads without colour too. The marks are
 * in the fonts every Linux desktop ships (DejaVu); U+26D4 "no entry" is not, and showed as a box.
 */
public enum Banner {
    IDLE("\u25CB"), INFO("\u2139"), PASS("\u2714"), FAIL("\u2716"), ATTENTION("\u26A0"), HALTED("\u25A0");

    private final String mark;

    Banner(String mark) {
        this.mark = mark;
    }

    /** The shape that says the level without colour. */
    public String mark() {
        return mark;
    }
}
