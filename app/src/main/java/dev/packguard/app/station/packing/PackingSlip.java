package dev.packguard.app.station.packing;

import dev.packguard.app.station.CheckpointRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The packing slip that goes in the parcel's paperwork: the order, the verified serials and the checkpoint. */
final class PackingSlip {
    private PackingSlip() {
    }

    /**
     * Writes {@code <slips>/<orderId>.txt} atomically (a temporary file moved into place), so a
     * crash leaves either no slip or a whole one.
     */
    static Path write(Path slips, Order order, Map<String, List<UnitKey>> packed, String operator, Instant at,
            PackingSettings settings, Optional<CheckpointRef> checkpoint) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("PackGuard packing slip\n");
        sb.append("Order:     ").append(order.id()).append('\n');
        sb.append("Station:   ").append(settings.stationName()).append(" (GLN ").append(settings.pharmacyGln()).append(")\n");
        sb.append("Packed by: ").append(operator).append('\n');
        sb.append("Sealed at: ").append(at).append('\n');
        sb.append("Ledger:    ").append(checkpoint.map(c -> c.origin() + " size " + c.size() + " root " + c.rootHex())
                .orElse("(no checkpoint)")).append("\n\n");
        for (Order.Line line : order.lines()) {
            List<UnitKey> units = packed.getOrDefault(line.gtin(), List.of());
            sb.append(line.description()).append("  GTIN ").append(line.gtin()).append("  ")
                    .append(units.size()).append(" of ").append(line.quantity()).append('\n');
            for (UnitKey u : units) {
                sb.append("    serial ").append(u.serial()).append("  verified\n");
            }
        }
        Files.createDirectories(slips);
        Path target = slips.resolve(order.id() + ".txt");
        Path tmp = Files.createTempFile(slips, order.id(), ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
