package dev.packguard.app.station.returns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditRecord;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.operators.SignInMethod;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in and out at the returns bench, with and without an operators roster, on real files.
 * Every return verifies (the rules are tested in {@link ReturnsSessionTest}); only who works matters here.
 */
class ReturnsSignInTest {
    private static final OperatorRoster ROSTER = OperatorRoster.of(Path.of("operators.json"), List.of(
            new Operator("tech-17", "Anna Schmidt", Operator.Role.TECHNICIAN)));

    @TempDir
    Path dir;
    private PackingFixture f;
    private final AtomicReference<Optional<String>> packingOperator = new AtomicReference<>(Optional.empty());
    private ReturnsSession s;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackingFixture(dir);
        s = ReturnsSession.start(new ReturnsSession.Parts(f.audit, f.outbox, unit -> f.pass(),
                new ScanDecoder(WedgeConfig.defaults(), f.clock), f.ledger::get, packingOperator::get, f.settings, f.clock));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private AuditRecord last() throws Exception {
        var all = f.audit.records();
        return all.get(all.size() - 1);
    }

    @Test
    void signIn_withRoster_pickedFromTheList_isRecordedSo() throws Exception {
        s.useOperators(ROSTER);

        assertThat(s.signIn("tech-17", SignInMethod.PICKED_FROM_LIST)).isEqualTo(new ReturnOutcome.SignedIn("tech-17"));

        assertThat(last().entry().detail()).isEqualTo("signed in at the returns bench of Packing 1 (picked from the "
                + "list): Anna Schmidt, technician");
    }

    @Test
    void scan_withRoster_unknownBadge_isRefusedOnRecord() throws Exception {
        s.useOperators(ROSTER);

        ReturnOutcome out = s.scan("badge-99");

        assertThat(out).isInstanceOf(ReturnOutcome.Refused.class);
        assertThat(((ReturnOutcome.Refused) out).why()).contains("\"badge-99\" is not registered at this station",
                "packguard operator add");
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SIGN_IN);
        assertThat(last().entry().kind()).isEqualTo(AuditKind.OPERATOR);
        assertThat(last().entry().detail()).startsWith("sign-in refused at the returns bench of Packing 1 (badge scan)");
    }

    @Test
    void scan_withoutRoster_anyBadgeSignsIn() throws Exception {
        assertThat(s.scan("badge-17")).isEqualTo(new ReturnOutcome.SignedIn("badge-17"));
        assertThat(last().entry().detail()).isEqualTo("signed in at the returns bench of Packing 1 (badge scan)");
    }

    @Test
    void signOut_ofPackingsOperator_makesTheBenchWaitForItsOwnSignIn_whilePackingKeepsThem() throws Exception {
        packingOperator.set(Optional.of("packer-3"));
        assertThat(s.snapshot().operator()).contains("packer-3");

        assertThat(s.signOut()).isEqualTo(new ReturnOutcome.SignedOut("packer-3"));

        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SIGN_IN);
        assertThat(last().entry().detail()).isEqualTo("signed out at the returns bench of Packing 1");
        assertThat(s.scan("badge-17")).isEqualTo(new ReturnOutcome.SignedIn("badge-17"));
        assertThat(s.snapshot().operator()).contains("badge-17");
    }

    @Test
    void packOnTheBench_keepsItsOperator_whenPackingSignsOut_andSignOutWaitsForIt() throws Exception {
        packingOperator.set(Optional.of("packer-3"));
        assertThat(s.scan(PackingFixture.scan(PackingFixture.IBUPROFEN, "R1"))).isInstanceOf(ReturnOutcome.Verified.class);
        packingOperator.set(Optional.empty()); // signed out at the packing screen

        assertThat(s.snapshot().operator()).contains("packer-3");
        assertThat(s.signOut()).isEqualTo(new ReturnOutcome.Refused("Finish the pack on the bench before signing out."));
        assertThat(s.sealCheck(true)).isInstanceOf(ReturnOutcome.SealChecked.class);
        assertThat(last().entry().operator()).isEqualTo("packer-3");
    }
}
