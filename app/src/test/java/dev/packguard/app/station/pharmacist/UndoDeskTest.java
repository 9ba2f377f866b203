package dev.packguard.app.station.pharmacist;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static dev.packguard.app.station.packing.PackingFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.Order;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.packing.SealOutcome;
import dev.packguard.app.station.packing.UndoOutcome;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UndoDeskTest {
    @Test
    void undoable_listsOrdersSealedWithinTheWindow_newestFirst_andNotUndone() throws Exception {
        try (PackingFixture f = new PackingFixture(Files.createTempDirectory("undo-desk"))) {
            PackingSession s = f.session();
            s.scan("badge-17");
            seal(s, f, "ORD-1", "A");
            f.clock.advance(Duration.ofDays(4));
            seal(s, f, "ORD-2", "B");
            f.clock.advance(Duration.ofHours(1));
            seal(s, f, "ORD-3", "C");
            UndoDesk desk = new UndoDesk(s, f.outbox, Duration.ofDays(4), f.clock);
            assertThat(desk.undoable()).extracting(Outbox.SealedOrder::orderId).containsExactly("ORD-3", "ORD-2");

            char[] pin = PackingFixture.PIN.clone();
            assertThat(desk.undo("ORD-3", PackingFixture.PHARMACIST, pin, "wrong address")).isInstanceOf(UndoOutcome.Undone.class);
            assertThat(pin).containsOnly('\0');
            assertThat(desk.undoable()).extracting(Outbox.SealedOrder::orderId).containsExactly("ORD-2");
            assertThat(desk.undo("ORD-2", PackingFixture.PHARMACIST, PackingFixture.PIN.clone(), " "))
                    .isEqualTo(new UndoOutcome.Refused("Write the reason for the undo (at least 5 characters)."));
        }
    }

    private static void seal(PackingSession s, PackingFixture f, String id, String serial) {
        Order o = new Order(id, PackingFixture.ORDER.lines());
        s.openOrder(o);
        s.scan(scan(IBUPROFEN, serial + "1"));
        s.scan(scan(IBUPROFEN, serial + "2"));
        s.scan(scan(AMOXICILLIN, serial + "3"));
        assertThat(s.packAndSeal()).isInstanceOf(SealOutcome.Sealed.class);
    }
}
