package dev.packguard.app.cli;

import dev.packguard.app.gui.StationLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packguard gui [--config FILE]}: opens the station window; returns when it is closed. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the station window (optionally with a station configuration file).")
public final class GuiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Station configuration file.")
    Path config;

    @Override
    public Integer call() {
        if (config != null && !Files.isReadable(config)) {
            spec.commandLine().getErr().println("packguard gui: cannot read the configuration file " + config
                    + ". Check the path, or start without --config.");
            return ExitCode.DATA;
        }
        StationLauncher.launch(config);
        return ExitCode.OK;
    }
}
