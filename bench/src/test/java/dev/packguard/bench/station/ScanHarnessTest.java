package dev.packguard.bench.station;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.bench.rules.RulesWorld;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScanHarnessTest {
    private static final int UNITS = 100_000;

    @Test
    void plan_packsWholeOrders_withCounterfeitsAndRepeats_andNoGenuineUnitTwice() {
        List<ScanHarness.Step> plan = ScanHarness.plan(UNITS, 2_000, new SplittableRandom(7));
        long scans = plan.stream().filter(s -> s.kind() != null).count();
        assertThat(scans).isEqualTo(2_000);
        assertThat(plan).filteredOn(s -> s.kind() == ScanHarness.Kind.FAIL).hasSizeBetween(120, 260);
        assertThat(plan).filteredOn(s -> s.kind() == ScanHarness.Kind.DUPLICATE).hasSizeBetween(15, 80);

        // Between two seals: exactly three genuine packs of each of the ten products.
        int[] perProduct = new int[StationWorld.PRODUCTS];
        Set<String> packed = new HashSet<>();
        int seals = 0;
        for (ScanHarness.Step s : plan) {
            if (s.kind() == null) {
                assertThat(perProduct).containsOnly(StationWorld.PER_LINE);
                perProduct = new int[StationWorld.PRODUCTS];
                seals++;
            } else if (s.kind() == ScanHarness.Kind.PASS) {
                assertThat(packed.add(s.text())).as("packed once: %s", s.text()).isTrue();
                perProduct[productOf(s.text())]++;
            } else if (s.kind() == ScanHarness.Kind.DUPLICATE) {
                assertThat(packed).contains(s.text());
            } else {
                assertThat(packed).doesNotContain(s.text());
            }
        }
        assertThat(seals).isGreaterThanOrEqualTo(50);
    }

    @Test
    void scanText_isWhatAScannerSendsForTheUnit() {
        assertThat(StationWorld.scanText(RulesWorld.scan(813_386)))
                .isEqualTo("01" + StationWorld.gtin(StationWorld.product(813_386)) + "17290331" + "10LB813" + "\u001d21B000813386X");
    }

    private static int productOf(String text) {
        String gtin = text.substring(2, 16);
        for (int p = 0; p < StationWorld.PRODUCTS; p++) {
            if (StationWorld.gtin(p).equals(gtin)) {
                return p;
            }
        }
        throw new AssertionError("not a product of the world: " + gtin);
    }
}
