package dev.packguard.app.cli;

import dev.packguard.node.LedgerNode;
import dev.packguard.node.sequencer.NodeFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard ledger serve --dir DIR [--port P]}: serves a log directory over HTTP on
 * 127.0.0.1 (docs/LEDGER.md, "The reference node"). When the directory holds a node's key and
 * journal it also runs the sequencer and accepts entries at {@code POST /add}. Prints the URL,
 * runs until SIGINT or SIGTERM, then integrates what was accepted and stops. Exit 0 after a
 * clean stop, 65 when DIR is not a log, 69 when the port is taken, 74 on an I/O failure.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a ledger directory over HTTP on 127.0.0.1 (and accept entries if it holds a node).")
public final class LedgerServeCommand implements Callable<Integer> {
    /** The default port, so a station configuration can name it. */
    static final int DEFAULT_PORT = 8750;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "The log directory to serve.")
    Path dir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_PORT,
            description = "TCP port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--init", paramLabel = "ORIGIN",
            description = "First create a new node in DIR for the log named ORIGIN (a new Ed25519 key).")
    Optional<String> init;

    /** Counted down by the shutdown hook (SIGINT, SIGTERM) or by tests. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("packguard ledger serve: --port must be 0..65535");
            return ExitCode.USAGE;
        }
        if (init.isPresent()) {
            try {
                NodeFiles files = NodeFiles.create(dir, init.get(), new SecureRandom());
                out.println("created log " + init.get() + " with key " + files.readKey().verifierKey().encoded());
            } catch (IOException | IllegalArgumentException e) {
                err.println("packguard ledger serve: cannot create a node in " + dir + ": " + e.getMessage());
                return ExitCode.IO_ERROR;
            }
        }
        LedgerNode node;
        try {
            node = LedgerNode.start(dir, new InetSocketAddress("127.0.0.1", port));
        } catch (BindException e) {
            err.println("packguard ledger serve: port " + port + " on 127.0.0.1 is in use; choose another with --port");
            return ExitCode.UNAVAILABLE;
        } catch (IOException e) {
            err.println("packguard ledger serve: " + e.getMessage());
            return e.getMessage() != null && e.getMessage().contains("neither a log") ? ExitCode.DATA : ExitCode.IO_ERROR;
        }
        Thread hook = new Thread(() -> {
            stop.countDown();
            synchronized (this) {
                // Wait for call() to finish closing the node before the JVM halts.
            }
        }, "packguard-serve-stop");
        synchronized (this) {
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("serving " + dir.toAbsolutePath().normalize() + " at " + node.url()
                    + (node.acceptsSubmissions() ? " (submissions: POST " + node.url() + "add)" : " (read-only)"));
            node.published().ifPresent(p -> out.println("checkpoint: " + p.checkpoint()));
            out.flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                node.close();
            } catch (IOException e) {
                err.println("packguard ledger serve: stopping: " + e.getMessage());
                return ExitCode.IO_ERROR;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: the JVM is exiting because of a signal.
                }
            }
            node.published().ifPresent(p -> out.println("stopped at checkpoint: " + p.checkpoint()));
            out.println("stopped");
            out.flush();
        }
        return ExitCode.OK;
    }
}
