package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliContractTest {
    record Run(int code, String out, String err) {
        /** Standard output as one JSON value per non-blank line ({@code --json} output). */
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(new ObjectMapper().readTree(line));
                }
            }
            return nodes;
        }
    }

    static Run run(String... args) {
        CommandLine cli = Main.commandLineFor(args); // what the packguard command runs
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void help_listsEverySubcommandOfTheContract() {
        Run r = run("--help");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("demo", "gui", "decode", "verify", "sync", "ledger", "proof", "note");
    }

    @Test
    void version_printsProjectVersion() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("PackGuard " + VersionProvider.version());
        assertThat(VersionProvider.version()).doesNotContain("${");
    }

    @Test
    void unknownSubcommand_printsUsageToStderrAndExits64() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).contains("frobnicate").contains("Usage: packguard");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void commandLineFor_aSubcommand_buildsOnlyThatOne() {
        assertThat(Main.commandLineFor("gui", "--config", "x.json").getSubcommands()).containsOnlyKeys("gui");
        assertThat(Main.commandLineFor("--help").getSubcommands()).hasSameSizeAs(PackGuardCommand.SUBCOMMANDS);
    }

    @Test
    void commandLineFor_everySubcommand_hasTheSameUsageAsInTheWholeTree() {
        CommandLine whole = Main.commandLine();
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine alone = Main.commandLineFor(name).getSubcommands().get(name);
            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF))
                    .as(name).isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }

    @Test
    void noSubcommand_isUsageError() {
        assertThat(run().code()).isEqualTo(64);
    }

    @Test
    void ledgerGroupWithoutSubcommand_isUsageError() {
        Run r = run("ledger");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).contains("demo", "serve");
    }

    @Test
    void gui_withUnreadableConfig_exits65NamingTheFile() {
        Run r = run("gui", "--config", "/nonexistent/station.json");
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("/nonexistent/station.json");
    }
}
