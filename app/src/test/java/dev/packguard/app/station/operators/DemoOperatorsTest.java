package dev.packguard.app.station.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.config.ConfigFiles;
import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.app.demo.DemoStation;
import dev.packguard.node.demo.DemoOperators;
import dev.packguard.node.demo.DemoPharmacist;
import dev.packguard.node.demo.DemoWorld;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world's roster, written by ledger-node, is one the station reads and names in its configuration. */
class DemoOperatorsTest {
    @TempDir
    Path tmp;

    @Test
    void demoWorld_namesItsRoster_whichLetsTheDemoOperatorAndTwoMoreSignIn() throws Exception {
        Path world = tmp.resolve("world");
        DemoWorld.generate(world, new DemoWorld.Spec(DemoWorld.MIN_UNITS, DemoWorld.DEFAULT_SEED,
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC), 8750));

        StationConfig config = ((ConfigResult.Valid) StationConfigParser.read(world.resolve(DemoWorld.STATION))).config();
        assertThat(config.station().operators()).contains(world.resolve(DemoOperators.FILE).toAbsolutePath());
        assertThat(ConfigFiles.check(config)).isEmpty();

        OperatorRoster roster = OperatorRoster.forStation(config.station().operators());
        assertThat(roster.pickList()).containsExactly(
                new Operator(DemoOperators.DEMO_BADGE, DemoOperators.DEMO_NAME, Operator.Role.TECHNICIAN),
                new Operator(DemoPharmacist.ID, DemoPharmacist.NAME, Operator.Role.PHARMACIST),
                new Operator("DEMO-TECH-2", "Lena Hoffmann", Operator.Role.TECHNICIAN));
        assertThat(DemoOperators.DEMO_BADGE).isEqualTo(DemoStation.OPERATOR);
        assertThat(roster.signIn(DemoStation.OPERATOR, SignInMethod.BADGE_SCAN))
                .isInstanceOf(OperatorRoster.SignIn.Accepted.class);
    }
}
