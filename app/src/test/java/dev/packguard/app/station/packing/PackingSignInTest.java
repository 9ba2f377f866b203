package dev.packguard.app.station.packing;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static dev.packguard.app.station.packing.PackingFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.operators.SignInMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signing in and out at the packing station, with and without an operators roster, on real files. */
class PackingSignInTest {
    static final OperatorRoster ROSTER = OperatorRoster.of(Path.of("operators.json"), List.of(
            new Operator("tech-17", "Anna Schmidt", Operator.Role.TECHNICIAN),
            new Operator("pharm-1", "Jürgen Öztürk", Operator.Role.PHARMACIST)));

    @TempDir
    Path dir;
    private PackingFixture f;
    private PackingSession s;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackingFixture(dir);
        s = f.session();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private AuditEntry lastRecord() throws Exception {
        var all = f.audit.records();
        return all.get(all.size() - 1).entry();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource(delimiter = '|', textBlock = """
        tech-17 | BADGE_SCAN       | tech-17 | signed in at Packing 1 (badge scan): Anna Schmidt, technician
        TECH-17 | BADGE_SCAN       | tech-17 | signed in at Packing 1 (badge scan): Anna Schmidt, technician
        pharm-1 | PICKED_FROM_LIST | pharm-1 | signed in at Packing 1 (picked from the list): Jürgen Öztürk, pharmacist
        """)
    void signIn_withRoster_badgeOnIt_signsInAndRecordsHow(String badge, SignInMethod how, String recorded, String detail)
            throws Exception {
        s.useOperators(ROSTER);

        assertThat(s.signIn(badge, how)).isEqualTo(new ScanOutcome.SignedIn(recorded));

        assertThat(s.snapshot().operator()).contains(recorded);
        assertThat(lastRecord()).isEqualTo(new AuditEntry(AuditKind.OPERATOR, recorded, recorded, detail, Optional.empty()));
    }

    @Test
    void scan_withRoster_unknownBadge_isRefusedSayingWhatToDo_onRecord_andNobodySignsIn() throws Exception {
        s.useOperators(ROSTER);

        ScanOutcome out = s.scan("badge-99");

        assertThat(out).isEqualTo(new ScanOutcome.Refused("Badge \"badge-99\" is not registered at this station; ask "
                + "the pharmacist in charge to add it with \"packguard operator add\"."));
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.SIGN_IN);
        assertThat(lastRecord().operator()).isEqualTo("badge-99");
        assertThat(lastRecord().detail()).startsWith("sign-in refused at Packing 1 (badge scan): Badge \"badge-99\" is "
                + "not registered");
    }

    @Test
    void scan_withoutRoster_anyBadgeSignsIn_asBefore_andAPackCodeIsNoBadge() throws Exception {
        int before = f.audit.records().size();
        assertThat(s.scan(scan(IBUPROFEN, "S1"))).isEqualTo(new ScanOutcome.Refused(
                "That is not a badge. Scan your badge to sign in."));
        assertThat(f.audit.records()).hasSize(before); // not a badge: nothing to record

        assertThat(s.scan("badge-17")).isEqualTo(new ScanOutcome.SignedIn("badge-17"));
        assertThat(lastRecord().detail()).isEqualTo("signed in at Packing 1 (badge scan)");
    }

    @Test
    void signOut_whileUnitsArePacked_isRefused_afterSealing_signsOutAndWaitsForTheNext() throws Exception {
        s.useOperators(ROSTER);
        s.scan("tech-17");
        s.scan("ORD-1001");
        s.scan(scan(IBUPROFEN, "S1"));

        assertThat(s.signOut()).isEqualTo(new ScanOutcome.Refused("Order ORD-1001 is being packed; seal it before "
                + "signing out."));
        assertThat(s.snapshot().operator()).contains("tech-17");

        s.scan(scan(IBUPROFEN, "S2"));
        s.scan(scan(AMOXICILLIN, "A1"));
        assertThat(s.packAndSeal()).isInstanceOf(SealOutcome.Sealed.class);
        assertThat(s.signOut()).isEqualTo(new ScanOutcome.SignedOut("tech-17"));

        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.SIGN_IN);
        assertThat(lastRecord()).isEqualTo(new AuditEntry(AuditKind.OPERATOR, "tech-17", "tech-17",
                "signed out at Packing 1", Optional.empty()));
        assertThat(s.scan("pharm-1")).isEqualTo(new ScanOutcome.SignedIn("pharm-1"));
    }

    @Test
    void signOut_withAnOrderOpenAndNothingPacked_closesTheOrder() throws Exception {
        s.scan("badge-17");
        s.scan("ORD-1001");

        assertThat(s.signOut()).isEqualTo(new ScanOutcome.SignedOut("badge-17"));

        assertThat(s.snapshot().order()).isEmpty();
        assertThat(lastRecord().detail()).isEqualTo("signed out at Packing 1; order ORD-1001 closed with nothing packed");
        assertThat(s.signOut()).isEqualTo(new ScanOutcome.Refused("Nobody is signed in."));
    }

    @Test
    void signOut_whileABlockedPackAwaitsQuarantine_isRefused() throws Exception {
        f.scripted.put("BAD", f.recalled());
        s.scan("badge-17");
        s.scan("ORD-1001");
        assertThat(s.scan(scan(IBUPROFEN, "BAD"))).isInstanceOf(ScanOutcome.Blocked.class);

        assertThat(s.signOut()).isEqualTo(new ScanOutcome.Refused("Order ORD-1001 is being packed; seal it before "
                + "signing out (the blocked pack goes to quarantine first)."));
    }
}
