package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a unit's chain of custody as the log records it (docs/LEDGER.md "Verification
 * rules", custody in verdicts): who acted, what they did, where and when, at which log index,
 * and whether the entry is trusted. An untrusted entry stays in the chain, marked as such: it is
 * what a pharmacist investigating a failed unit needs to see.
 *
 * @param index the event's log index (an inclusion proof against the verdict's checkpoint exists for it)
 * @param time the event time the statement claims, UTC
 * @param action what happened
 * @param actor the party the statement names as acting (for an untrusted entry: claims to be acting)
 * @param location where it happened; empty for a recall, which has no place
 * @param counterpart the other end of a movement: the destination of a shipment or return, the
 *                    origin of a receipt; empty for every other action
 * @param detail the rest of what the statement says in a few words (a decommissioning's reason,
 *               a recall's scope), or the empty string
 * @param trust whether the signer was certified for it and the signature verified
 */
public record CustodyStep(long index, Instant time, Action action, Actor actor, Optional<Actor> location,
        Optional<Actor> counterpart, String detail, Trust trust) {
    /** Requires every field. */
    public CustodyStep {
        if (index < 0) {
            throw new IllegalArgumentException("log index must not be negative: " + index);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(counterpart, "counterpart");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(trust, "trust");
    }

    /** True when the entry's signer was authorized and its signature verified. */
    public boolean trusted() {
        return trust instanceof Trust.Verified;
    }

    /**
     * The step in plain words, e.g. "shipped to Nordgross Pharmahandel" or "decommissioned:
     * stolen"; names come from the party directory, GLNs stand in for unregistered parties.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder(action.words());
        counterpart.ifPresent(c -> sb.append(action == Action.RECEIVED ? " from " : " to ").append(c.label()));
        if (!detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** What a step did to the unit, one per event type of docs/LEDGER.md "Statements". */
    public enum Action {
        COMMISSIONED("commissioned"),
        SHIPPED("shipped"),
        RECEIVED("received"),
        RETURNED("returned"),
        DISPENSED("dispensed"),
        DISPENSE_UNDONE("dispense undone"),
        RETURNED_TO_STOCK("returned to stock"),
        DECOMMISSIONED("decommissioned"),
        RECALLED("recalled"),
        REPORTED_SUSPECT("reported suspect");

        private final String words;

        Action(String words) {
            this.words = words;
        }

        /** The action in lower-case words, for people. */
        public String words() {
            return words;
        }
    }

    /**
     * A party or a location, as the party directory knows it.
     *
     * @param gln the PGLN of a party, or the GLN of a location
     * @param name the registered name of the party (owning the location); empty when none is registered
     * @param role the registered role of that party; empty when none is registered
     */
    public record Actor(Gln gln, Optional<String> name, Optional<Role> role) {
        /** Requires every field. */
        public Actor {
            Objects.requireNonNull(gln, "gln");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }

        /** The name when registered, else "GLN" and the number. */
        public String label() {
            return name.orElse("GLN " + gln.digits());
        }
    }

    /** Whether a step's entry can be relied on. */
    public sealed interface Trust {
        /**
         * The signer's certificate was valid and unrevoked for the role and the signature verified.
         *
         * @param registrationIndex log index of the registration that certified the key
         */
        record Verified(long registrationIndex) implements Trust {
        }

        /** The entry is in the log but not trusted, for {@code failure}; {@code detail} says more. */
        record NotVerified(Authorization.Failure failure, String detail) implements Trust {
            /** Requires every field. */
            public NotVerified {
                Objects.requireNonNull(failure, "failure");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }
}
