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
}
