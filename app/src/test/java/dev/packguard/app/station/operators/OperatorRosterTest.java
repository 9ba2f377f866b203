package dev.packguard.app.station.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorRosterTest {
    private static final Operator ANNA = new Operator("tech-17", "Anna Schmidt", Operator.Role.TECHNICIAN);
    private static final Operator BEN = new Operator("PH-2", "ben Braun", Operator.Role.PHARMACIST);
    private static final OperatorRoster ROSTER = OperatorRoster.of(Path.of("operators.json"), List.of(ANNA, BEN));

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource(delimiter = '|', textBlock = """
        tech-17     | BADGE_SCAN       | tech-17 | signed in at Packing 1 (badge scan): Anna Schmidt, technician
        TECH-17     | BADGE_SCAN       | tech-17 | signed in at Packing 1 (badge scan): Anna Schmidt, technician
        ' ph-2 '    | PICKED_FROM_LIST | PH-2    | signed in at Packing 1 (picked from the list): ben Braun, pharmacist
        """)
    void signIn_badgeOnTheRoster_isAccepted_asTheRosterSpellsIt_withHowOnRecord(String text, SignInMethod how,
            String badge, String detail) {
        OperatorRoster.SignIn in = ROSTER.signIn(text, how);
        assertThat(in).isInstanceOf(OperatorRoster.SignIn.Accepted.class);
        OperatorRoster.SignIn.Accepted ok = (OperatorRoster.SignIn.Accepted) in;
        assertThat(ok.badge()).isEqualTo(badge);
        assertThat(ok.auditDetail("signed in at Packing 1")).isEqualTo(detail);
    }

    @Test
    void signIn_badgeNotOnTheRoster_isRefusedSayingWhatToDo_andGoesOnRecord() {
        assertThat(ROSTER.signIn("tech-99", SignInMethod.BADGE_SCAN)).isEqualTo(new OperatorRoster.SignIn.Refused(
                "Badge \"tech-99\" is not registered at this station; ask the pharmacist in charge to add it with "
                        + "\"packguard operator add\".", Optional.of("tech-99"), SignInMethod.BADGE_SCAN));
    }

    @Test
    void signIn_notABadge_isRefusedOffRecord() {
        OperatorRoster.SignIn in = ROSTER.signIn("0104012345000016\u001d21S1", SignInMethod.BADGE_SCAN);
        assertThat(in).isEqualTo(new OperatorRoster.SignIn.Refused(
                "That is not a badge. Scan your badge, or pick your name from the list, to sign in.", Optional.empty(),
                SignInMethod.BADGE_SCAN));
    }

    @Test
    void open_acceptsAnyWellFormedBadge_shownByItsId_andHasNoList() {
        OperatorRoster open = OperatorRoster.open();
        OperatorRoster.SignIn in = open.signIn("badge-17", SignInMethod.BADGE_SCAN);
        assertThat(in).isEqualTo(new OperatorRoster.SignIn.Accepted("badge-17", Optional.empty(), SignInMethod.BADGE_SCAN));
        assertThat(((OperatorRoster.SignIn.Accepted) in).auditDetail("signed in at Packing 1"))
                .isEqualTo("signed in at Packing 1 (badge scan)");
        assertThat(open.shown("badge-17")).isEqualTo("badge-17");
        assertThat(open.configured()).isFalse();
        assertThat(open.pickList()).isEmpty();
        assertThat(open.signIn("no badge!", SignInMethod.BADGE_SCAN)).isEqualTo(new OperatorRoster.SignIn.Refused(
                "That is not a badge. Scan your badge to sign in.", Optional.empty(), SignInMethod.BADGE_SCAN));
    }

    @Test
    void pickList_isByNameIgnoringCase_andNamesShowWithTheBadge() {
        assertThat(ROSTER.pickList()).containsExactly(ANNA, BEN);
        assertThat(ROSTER.shown("TECH-17")).isEqualTo("Anna Schmidt (tech-17)");
        assertThat(ROSTER.nameOf("ph-2")).isEqualTo("ben Braun");
        assertThat(ROSTER.shown("DEMO-OPERATOR")).isEqualTo("DEMO-OPERATOR");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
        ''         | Anna Schmidt, ben Braun
        an         | Anna Schmidt
        SCHM       | Anna Schmidt
        ' b  bra ' | ben Braun
        x          | ''
        """)
    void matching_keepsNamesWithEveryTypedWord_inListOrder(String typed, String names) {
        assertThat(String.join(", ", ROSTER.matching(typed).stream().map(Operator::name).toList())).isEqualTo(names);
    }

    @Test
    void forStation_readsTheConfiguredFile() throws Exception {
        Path file = tmp.resolve("operators.json");
        OperatorsFile.write(file, List.of(ANNA));
        OperatorRoster roster = OperatorRoster.forStation(Optional.of(file));
        assertThat(roster.pickList()).containsExactly(ANNA);
        assertThat(roster.signIn("PH-2", SignInMethod.BADGE_SCAN)).isInstanceOf(OperatorRoster.SignIn.Refused.class);
        assertThat(OperatorRoster.forStation(Optional.empty()).configured()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing file  | ''                                   | which does not exist. The pharmacist in charge creates it with "packguard operator add"
        broken file   | {"format": 1, "operators": [{}]}     | operators[0].badge: must be a string
        """)
    void forStation_unusableFile_letsNobodyIn_sayingWhy(String what, String text, String why) throws Exception {
        Path file = tmp.resolve("operators.json");
        if (!text.isEmpty()) {
            Files.writeString(file, text);
        }
        OperatorRoster roster = OperatorRoster.forStation(Optional.of(file));
        assertThat(roster.configured()).isTrue();
        OperatorRoster.SignIn in = roster.signIn("tech-17", SignInMethod.BADGE_SCAN);
        assertThat(in).isInstanceOf(OperatorRoster.SignIn.Refused.class);
        assertThat(((OperatorRoster.SignIn.Refused) in).why()).startsWith("Nobody can sign in at this station: ")
                .contains(why);
    }
}
