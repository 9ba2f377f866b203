package dev.packguard.ledger.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example entry in docs/LEDGER.md is real: it decodes and verifies against the test consortium. */
class LedgerDocExampleTest {
    @Test
    void exampleEntry_isTrustedByTheTestConsortium() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "LEDGER.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Example \\(a dispense[^\\n]*\\n\\n```json\\n([^\\n]+)\\n```").matcher(doc);
        assertThat(m.find()).as("example block in docs/LEDGER.md").isTrue();
        TestConsortium c = TestConsortium.create();
        EntryIntake intake = new EntryIntake(c.directory());

        EntryIntake.Outcome outcome = intake.accept(4, m.group(1).getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOf(EntryIntake.Outcome.Trusted.class);
        assertThat(((EntryIntake.Outcome.Trusted) outcome).signer().certificate()).isEqualTo(c.pharmacyA().certificate());
    }
}
