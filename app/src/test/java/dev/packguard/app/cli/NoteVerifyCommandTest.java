package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.checkpoint.NoteFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packguard note verify} against real recorded notes (ledger-client test fixtures). */
class NoteVerifyCommandTest {
    static final String SUMDB = NoteFixtures.vkey(NoteFixtures.SUMDB_VKEY).encoded();
    static final String ARCHE = NoteFixtures.vkey(NoteFixtures.ARCHE_VKEY).encoded();
    static final String REMORA = NoteFixtures.vkey(NoteFixtures.REMORA_VKEY).encoded();

    @TempDir
    Path dir;

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    Path fixture(String name) throws IOException {
        return write(name, NoteFixtures.bytes(name));
    }

    @Test
    void verify_goChecksumDatabaseCheckpoint_printsNameAndTextAndExits0() throws IOException {
        CliContractTest.Run r = CliContractTest.run("note", "verify", "--key", SUMDB, fixture(NoteFixtures.SUMDB_15067302).toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("verified: sum.golang.org\n\ngo.sum database tree\n15067302\n"
                + "gJyioq6dwR9n+NjEWORfYmH+ubeYm3kH42BBQ0bTpYI=\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verify_cosignedCheckpoint_listsLogAndWitnessWithItsTime() throws IOException {
        CliContractTest.Run r = CliContractTest.run("note", "verify", "--key", REMORA, "--key", ARCHE, "--key", SUMDB,
                fixture(NoteFixtures.ARCHE_COSIGNED).toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("verified: arche2025h1.staging.ct.transparency.dev\n"
                + "verified: remora.n621.de (witness cosignature, 2026-05-23T21:50:24Z)\n\narche2025h1.staging.ct.transparency.dev\n");
    }

    @Test
    void verify_tamperedNote_exits4AndPrintsNoText() throws IOException {
        String tampered = NoteFixtures.text(NoteFixtures.SUMDB_6476701).replace("6476701", "6476702");
        CliContractTest.Run r = CliContractTest.run("note", "verify", "--key", SUMDB,
                write("t.note", tampered.getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(r.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("REJECTED", "sum.golang.org+033de0ae");
    }

    @Test
    void verify_noGivenKeySigned_exits4NamingTheActualSigners() throws IOException {
        CliContractTest.Run r = CliContractTest.run("note", "verify", "--key", ARCHE, fixture(NoteFixtures.SUMDB_6476701).toString());
        assertThat(r.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("NOT VERIFIED", "sum.golang.org+033de0ae");
    }

    @Test
    void verify_malformedNote_exits65WithLine() throws IOException {
        CliContractTest.Run r = CliContractTest.run("note", "verify", "--key", SUMDB,
                write("m.note", "go.sum database tree\n1\n".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("not a well-formed signed note", "line 3");
    }

    @Test
    void verify_missingFile_exits65() {
        CliContractTest.Run r = CliContractTest.run("note", "verify", "--key", SUMDB, dir.resolve("absent.note").toString());
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("absent.note");
    }

    @Test
    void verify_malformedKeyOrNoKey_isAUsageError() throws IOException {
        Path note = fixture(NoteFixtures.SUMDB_6476701);
        CliContractTest.Run bad = CliContractTest.run("note", "verify", "--key", SUMDB.replace("033de0ae", "033de0af"), note.toString());
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("malformed --key", "does not match");
        assertThat(CliContractTest.run("note", "verify", note.toString()).code()).isEqualTo(ExitCode.USAGE);
    }
}
