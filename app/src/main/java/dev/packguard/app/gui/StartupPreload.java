package dev.packguard.app.gui;

import java.util.List;

/**
 * Loads and initialises, on threads of their own, the libraries a configured station needs first
 * (Jackson for the configuration, the SQLite driver and its native library for the mirror,
 * Bouncy Castle for the trust anchor and its Ed25519 tables for the policy's keys, the JDK's
 * SHA-256) while the command line is parsed and the JavaFX toolkit starts. Class loading is most of a cold start's work (docs/PERFORMANCE.md "Station"); done
 * here it overlaps with the toolkit's start instead of following it. The start-up code uses the
 * same classes and simply finds them ready, or loads them itself if this thread is not done yet:
 * nothing depends on it having run, and a failure here only means the work is done later.
 */
final class StartupPreload {
    // Initialising one class of each library pulls in what its first use needs.
    private static final List<String> CLASSES = List.of(
            "dev.packguard.app.config.StationConfigParser",
            "dev.packguard.ledger.policy.PolicyParser",
            "dev.packguard.ledger.pki.ConsortiumRoot",
            "dev.packguard.ledger.index.StatementIndexer",
            "dev.packguard.app.station.packing.PackingStation");

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private StartupPreload() {
    }

    /** Starts the preloading thread once (a daemon: it never keeps the station from closing); later calls do nothing. */
    static void begin() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(StartupPreload::run, "packguard-preload");
        t.setDaemon(true);
        t.start();
        // Bouncy Castle's Ed25519 tables (about a third of a second of arithmetic, once per
        // process): the first check of a key, the policy's log key, needs them, and every
        // signature check after. Built on a thread of their own from the first moment.
        // A lambda, not a method reference: a reference would load the class here, on the caller's
        // thread, with the signed jar's checks; the lambda loads it on its own thread.
        Thread tables = new Thread(() -> org.bouncycastle.math.ec.rfc8032.Ed25519.precompute(), "packguard-preload-ed25519");
        tables.setDaemon(true);
        tables.start();
    }

    private static void run() {
        ClassLoader loader = StartupPreload.class.getClassLoader();
        try {
            java.security.MessageDigest.getInstance("SHA-256");
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"format\": 1}");
            org.sqlite.SQLiteJDBCLoader.initialize();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (Exception | LinkageError e) {
            // Only a head start: whatever failed here fails again, and is reported, where it is used.
        }
    }
}
