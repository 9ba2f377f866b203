package dev.packguard.bench.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryTest {
    @Test
    void parse_readsResidentAndPeakFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  312344 kB\nVmRSS:\t  298000 kB\nThreads:\t40\n";
        assertThat(Memory.parse(status)).isEqualTo(new Memory(298_000, 312_344));
        assertThat(new Memory(298_000, 312_344)).hasToString("VmRSS 291 MB, VmHWM 305 MB");
    }

    @Test
    void parse_refusesAStatusWithoutTheFields() {
        assertThatThrownBy(() -> Memory.parse("Name:\tjava\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuMillis_addsUserAndSystemTicks_evenWithSpacesInTheCommandName() {
        String stat = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 45 0 0 20 0 30 0 12345 0 0";
        assertThat(Memory.cpuMillis(stat)).isEqualTo((731 + 45) * 10);
    }
}
