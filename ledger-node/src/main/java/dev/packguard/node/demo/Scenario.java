package dev.packguard.node.demo;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One sample scan of the demo world and what the station must answer.
 *
 * @param id file-name-safe name; its pack image is {@code packs/<id>.png}
 * @param title one line for people
 * @param story what happened to this pack in the world, and why the answer follows
 * @param mode {@code pack} or {@code return}
 * @param pack what is printed on it
 * @param verdict {@code PASS}, {@code FAIL} or {@code CANNOT_VERIFY}
 * @param reasons the reason codes (empty for PASS)
 * @param entries log indices of the entries about this unit (empty for a unit the log never saw)
 */
public record Scenario(String id, String title, String story, String mode, Pack pack, String verdict,
        List<String> reasons, List<Long> entries) {
    /** The reason codes the station knows (DESIGN.md, verification rules). */
    public static final Set<String> REASONS = Set.of("UNKNOWN_SERIAL", "UNKNOWN_BATCH", "BATCH_MISMATCH",
            "EXPIRY_MISMATCH", "WRONG_MANUFACTURER", "BAD_SIGNATURE", "UNCERTIFIED_SIGNER", "REVOKED_SIGNER",
            "CUSTODY_GAP", "NOT_IN_OUR_CUSTODY", "RECALLED", "STOLEN", "DESTROYED", "SUSPECT", "ALREADY_DISPENSED",
            "NOT_DISPENSED_HERE", "RETURN_WINDOW_EXCEEDED", "EXPIRED", "SHELF_LIFE_TOO_SHORT");

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(pack, "pack");
        reasons = List.copyOf(reasons);
        entries = List.copyOf(entries);
        if (!id.matches("[a-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("scenario id must be [a-z0-9-]: " + id);
        }
        if (!mode.equals("pack") && !mode.equals("return")) {
            throw new IllegalArgumentException("mode must be pack or return: " + mode);
        }
        switch (verdict) {
            case "PASS" -> {
                if (!reasons.isEmpty()) {
                    throw new IllegalArgumentException("a PASS has no reasons");
                }
            }
            case "FAIL", "CANNOT_VERIFY" -> {
                if (reasons.isEmpty() || !REASONS.containsAll(reasons)) {
                    throw new IllegalArgumentException("unknown or missing reasons: " + reasons);
                }
            }
            default -> throw new IllegalArgumentException("verdict must be PASS, FAIL or CANNOT_VERIFY: " + verdict);
        }
    }
}
