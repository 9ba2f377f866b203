package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Test stand-in for the signed-note policy check: accepts a bare tlog-checkpoint body
 * ("origin\nsize\nbase64(root)\n") without signatures. The mirror's own tests are about
 * downloading and hashing; signature and quorum checks are tested with the policy code.
 */
public final class BodyOnlyVerifier implements CheckpointVerifier {
    static byte[] body(String origin, long size, Hash root) {
        return (origin + "\n" + size + "\n" + root.base64() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Check verify(byte[] note) {
        String[] lines = new String(note, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            return new Rejected("not a checkpoint body");
        }
        try {
            var root = Hash.parseBase64(lines[2]).ok();
            if (root.isEmpty()) {
                return new Rejected("bad root");
            }
            return new Accepted(lines[0], Long.parseLong(lines[1]), root.get(), Optional.empty());
        } catch (NumberFormatException e) {
            return new Rejected("bad size");
        }
    }
}
