package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's own checks, run for real with bash in a directory whose name contains
 * spaces and with a PATH from which Java or Maven has been removed.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("..", "packguard").toAbsolutePath().normalize();

    @TempDir
    Path temp;
    private Path checkout;

    @BeforeEach
    void copyScriptIntoDirectoryWithSpaces() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        checkout = Files.createDirectories(temp.resolve("pharmacy station copy"));
        Files.copy(SCRIPT, checkout.resolve("packguard"));
        checkout.resolve("packguard").toFile().setExecutable(true);
    }

    /** The commands the launcher needs up to the point where it runs Java or Maven. */
    private static final List<String> TOOLS =
            List.of("bash", "dirname", "readlink", "sed", "head", "tail", "find", "touch", "mkdir", "java", "mvn");

    /** A PATH directory holding those commands, less {@code hidden}. */
    private Path pathWithout(Set<String> hidden) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        for (String tool : TOOLS) {
            if (hidden.contains(tool)) {
                continue;
            }
            Stream.of("/usr/bin/", "/bin/", "/usr/local/bin/")
                    .map(dir -> Path.of(dir + tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .ifPresent(target -> link(bin.resolve(tool), target));
        }
        return bin;
    }

    /** A one-line wrapper rather than a symlink, so JUnit's temp-dir cleanup stays quiet. */
    private static void link(Path link, Path target) {
        try {
            Files.writeString(link, "#!/bin/sh\nexec " + target + " \"$@\"\n");
            link.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int code, String err) {
    }

    private Result run(Path pathDir, String javaHome) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", checkout.resolve("packguard").toString(), "--version");
        pb.environment().put("PATH", pathDir.toString());
        if (javaHome == null) {
            pb.environment().remove("JAVA_HOME");
        } else {
            pb.environment().put("JAVA_HOME", javaHome);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), err);
    }

    @Test
    void withoutJava_saysHowToGetItAndExits69() throws Exception {
        Result r = run(pathWithout(Set.of("java")), null);
        assertThat(r.code()).isEqualTo(69);
        assertThat(r.err()).contains("Java was not found", "JDK 17");
    }

    @Test
    void withoutMavenBeforeFirstBuild_saysHowToGetItAndExits69() throws Exception {
        Result r = run(pathWithout(Set.of("mvn")), System.getProperty("java.home"));
        assertThat(r.code()).isEqualTo(69);
        assertThat(r.err()).contains("Maven was not found", "Maven 3.8");
    }
}
