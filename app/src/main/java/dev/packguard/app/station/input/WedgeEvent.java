package dev.packguard.app.station.input;

import java.util.Objects;

/** What the {@link BurstDetector} made of the keys so far. */
public sealed interface WedgeEvent permits WedgeEvent.Scan, WedgeEvent.Typed, WedgeEvent.Nothing {

    /** A complete scan: a fast burst ended by a terminator. {@code text} excludes the terminator. */
    record Scan(String text) implements WedgeEvent {
        public Scan {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Keys that turned out to be a person typing; {@code text} is what they typed. */
    record Typed(String text) implements WedgeEvent {
        public Typed {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Nothing decided yet (a burst may be under way), or a terminator that ends no scan. */
    record Nothing() implements WedgeEvent {
    }

    /** The shared {@link Nothing}. */
    WedgeEvent NOTHING = new Nothing();
}
