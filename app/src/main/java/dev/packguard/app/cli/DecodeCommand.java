package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/** {@code packguard decode}: Decode scans and barcode images into product identifiers (GTIN, serial, lot, expiry). */
@Command(name = "decode", mixinStandardHelpOptions = true, description = "Decode scans and barcode images into product identifiers (GTIN, serial, lot, expiry).")
public final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "decode", "decoding scans");
    }
}
