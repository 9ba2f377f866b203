package dev.packguard.app.station.returns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.UnitVerdict;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules' findings in the returns bench's words, and which quarantine they lead to. */
class ReturnReasonsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static UnitVerdict.Fail fail(String... codes) {
        return new UnitVerdict.Fail(Arrays.stream(codes).map(c -> new UnitVerdict.Reason(c, c + " advice")).toList(),
                UnitVerdict.Evidence.none(), List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RETURN_WINDOW_EXCEEDED | Advice. (entry 41: dispensed on 2026-10-10T00:31:00Z, window 30 days)      | Return window exceeded on 2026-11-09: dispensed on 2026-10-10, returns are taken for 30 days.
            RETURN_WINDOW_EXCEEDED | Advice. (entry 41: dispensed long ago)                                      | Return window exceeded: dispensed too long ago to go back to stock.
            NOT_DISPENSED_HERE     | Advice. (entry 52: dispensed at 4059876000030)                               | Dispensed by another pharmacy (location 4059876000030), not by us: only the pharmacy that dispensed it may take it back.
            NOT_DISPENSED          | Advice. (no dispense of this unit is in force)                               | Not dispensed: the ledger has no dispense of this pack in force, so it cannot be a patient's return.
            RECALLED               | Advice. (entry 60: lot recalled by 4012345000009)                            | Recalled (lot recalled by 4012345000009): it must not go back to stock.
            EXPIRED                | Advice. (expired 2026-11-04, today is 2026-11-24)                            | Expired on 2026-11-04.
            UNKNOWN_SERIAL         | This serial number was never issued by the manufacturer.                     | This serial number was never issued by the manufacturer.
            """)
    void words_sayTheFindingForTheBench(String code, String message, String words) {
        assertThat(ReturnReasons.words(new UnitVerdict.Reason(code, message), UTC)).isEqualTo(words);
    }

    @Test
    void words_ofAPass_areNone_andOfCannotVerify_sayWhy() {
        UnitVerdict.Pass pass = new UnitVerdict.Pass(UnitVerdict.Evidence.none(), Optional.empty(), List.of(), List.of());
        assertThat(ReturnReasons.words(pass, UTC)).isEmpty();
        assertThat(ReturnReasons.words(ReturnVerifier.unverifiable("No trust anchor.").verify(null), UTC))
                .containsExactly("Could not be verified: No trust anchor.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RETURN_WINDOW_EXCEEDED         | NOT_RETURNABLE
            EXPIRED,RECALLED               | NOT_RETURNABLE
            NOT_DISPENSED                  | SUSPECT
            NOT_DISPENSED_HERE             | SUSPECT
            RECALLED,NOT_DISPENSED         | SUSPECT
            BAD_SIGNATURE                  | SUSPECT
            """)
    void quarantineReason_isSuspectUnlessEveryFindingOnlyMakesAGenuinePackUnsaleable(String codes, QuarantineReason want) {
        assertThat(QuarantineReason.of(fail(codes.split(",")))).isEqualTo(want);
    }

    @Test
    void quarantineReason_ofCannotVerify_isNotVerified() {
        assertThat(QuarantineReason.of(ReturnVerifier.unverifiable("x").verify(null))).isEqualTo(QuarantineReason.NOT_VERIFIED);
    }
}
