package dev.packguard.app.cli;

/**
 * The exit codes of the {@code packguard} command line, as fixed by the CLI contract in
 * DESIGN.md. Scripts and tests depend on these numbers; never renumber them.
 */
public final class ExitCode {
    /** Everything asked for succeeded; for {@code verify}, every scan passed. */
    public static final int OK = 0;
    /** {@code verify}: at least one scan failed verification. */
    public static final int FAIL = 1;
    /** {@code verify}: at least one scan could not be verified (and none failed). */
    public static final int CANNOT_VERIFY = 2;
    /** {@code sync}: the network is unreachable, but the local verified copy is valid. */
    public static final int OFFLINE = 3;
    /** A security failure: bad signature, rollback, fork, policy not satisfied. */
    public static final int SECURITY = 4;
    /** Usage error: unknown subcommand or option, missing argument, capability not built. */
    public static final int USAGE = 64;
    /** Unreadable input: a malformed scan, note, proof, configuration or file. */
    public static final int DATA = 65;
    /** {@code sync}: the log is unreachable and there is no local copy yet to work from. */
    public static final int UNAVAILABLE = 69;
    /** An unexpected internal error (a bug): the message says what to report. */
    public static final int SOFTWARE = 70;
    /** A local file could not be written: disk full, read-only, damaged database. */
    public static final int IO_ERROR = 74;

    private ExitCode() {
    }
}
