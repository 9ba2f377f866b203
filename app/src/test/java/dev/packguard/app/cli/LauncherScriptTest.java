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

    /**
     * A built checkout: the script, the app jar made from the compiled classes, the dependency
     * classpath from this test's own, and a build stamp, so the launcher runs Java without Maven.
     * Its path has no spaces: the JDK 17 archives no class from a jar whose path has one (its
     * own classes still are), which docs/PERFORMANCE.md notes.
     */
    private void builtCheckout() throws IOException {
        checkout = Files.createDirectories(temp.resolve("station"));
        Files.copy(SCRIPT, checkout.resolve("packguard"));
        Path target = Files.createDirectories(checkout.resolve("app/target"));
        Path classes = Path.of("target", "classes").toAbsolutePath();
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(target.resolve("packguard-app.jar")));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
        String dependencies = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && !e.contains("surefire"))
                .collect(java.util.stream.Collectors.joining(":"));
        Files.writeString(target.resolve("classpath.txt"), dependencies);
        Files.writeString(target.resolve("packguard-build.stamp"), "");
    }

    private record Output(int code, String out) {
    }

    private Output runStation(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", checkout.resolve("packguard").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Output(p.exitValue(), out);
    }

    @Test
    void stationCommand_recordsAClassDataArchiveOnce_thenStartsFromIt_andRecordsAgainAfterARebuild() throws Exception {
        builtCheckout();
        Path archive = checkout.resolve("app/target/packguard-station.jsa");

        Output first = runStation(java.util.Map.of(), "gui", "--help");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("Usage: packguard gui").doesNotContain("[warning]", "[cds");
        assertThat(archive).isRegularFile();
        try (Stream<Path> left = Files.list(archive.getParent())) {
            assertThat(left.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }

        // The next start maps the station's own classes from it (the JVM says so when asked).
        Output second = runStation(java.util.Map.of("PACKGUARD_JAVA_OPTS", "-Xlog:class+load=info"), "gui", "--help");
        assertThat(second.code()).isZero();
        assertThat(second.out()).containsPattern("dev\\.packguard\\.app\\.cli\\.GuiCommand source: shared objects file");

        // A rebuild (a newer app jar) makes it stale: the next start records it afresh.
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(checkout.resolve("app/target/packguard-app.jar"),
                java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 2_000));
        assertThat(runStation(java.util.Map.of(), "gui", "--help").code()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(before);
    }

    @Test
    void stationCommand_withCdsOff_recordsNothing() throws Exception {
        builtCheckout();
        Output r = runStation(java.util.Map.of("PACKGUARD_CDS", "off"), "gui", "--help");
        assertThat(r.code()).isZero();
        assertThat(checkout.resolve("app/target/packguard-station.jsa")).doesNotExist();
    }
}
