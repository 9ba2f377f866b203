package dev.packguard.app.cli;

import dev.packguard.ledger.mirror.MirrorProofs;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.tlog.proof.TlogProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard proof export --config FILE --index N [--out FILE]}: writes a tlog-proof of a
 * verified entry from the station's mirror, offline. Exit 0 written, 65 bad configuration or no
 * such verified entry, 74 local read/write failure.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a tlog-proof of a verified ledger entry from the local mirror (offline).")
public final class ProofExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Station configuration file.")
    Path config;

    @Option(names = "--index", paramLabel = "N", required = true, description = "The entry's log index.")
    long index;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the proof (default: standard output).")
    Path outFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var loaded = SyncCommand.load(config, err);
        if (loaded.isEmpty()) {
            return ExitCode.DATA;
        }
        Path mirror = loaded.get().config().ledger().mirror();
        if (!Files.exists(mirror)) {
            err.println("packguard proof export: there is no ledger mirror at " + mirror + " yet; run packguard sync first.");
            return ExitCode.DATA;
        }
        try (MirrorStore store = MirrorStore.open(mirror)) {
            Optional<TlogProof> proof = new MirrorProofs(store).export(index);
            if (proof.isEmpty()) {
                long size = store.verified().map(c -> c.size()).orElse(0L);
                err.println(String.format("packguard proof export: entry %,d is not verified in this mirror "
                        + "(verified entries: 0 to %,d).", index, size - 1));
                return ExitCode.DATA;
            }
            String text = proof.get().serialise();
            if (outFile == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                err.println("wrote " + outFile);
            }
            return ExitCode.OK;
        } catch (MirrorStoreException e) {
            err.println("packguard proof export: " + e.getMessage());
            return ExitCode.IO_ERROR;
        } catch (IOException e) {
            err.println("packguard proof export: cannot write " + outFile + ": " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
    }
}
