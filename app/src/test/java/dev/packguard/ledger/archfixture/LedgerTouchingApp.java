package dev.packguard.ledger.archfixture;

import dev.packguard.app.cli.ExitCode;

/** A deliberate layering violation (ledger code using app) that the architecture test must catch. */
public final class LedgerTouchingApp {
    public int usageCode() {
        return ExitCode.USAGE + new dev.packguard.app.cli.VersionProvider().getVersion().length;
    }
}
