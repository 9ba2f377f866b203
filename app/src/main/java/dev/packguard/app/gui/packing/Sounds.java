package dev.packguard.app.gui.packing;

import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.media.AudioClip;

/**
 * The three verdict sounds ({@code /packguard/sounds/*.wav} in the app jar), played through
 * JavaFX {@link AudioClip}. Off when the configuration says {@code sounds: false}; a station
 * without an audio device plays nothing rather than failing.
 */
public interface Sounds {
    /** Which sound. */
    enum Cue {
        PASS, FAIL, ATTENTION
    }

    /** Plays {@code cue} (asynchronously; never blocks, never throws). */
    void play(Cue cue);

    /** No sound at all. */
    static Sounds off() {
        return cue -> { };
    }

    /** Calls {@code sink} instead of playing (tests hear what the operator would). */
    static Sounds recording(Consumer<Cue> sink) {
        return sink::accept;
    }

    /** The jar's sounds through AudioClip; off if they cannot be loaded (no media support, no device). */
    static Sounds clips() {
        if (!hasAudioOutput()) {
            // AudioClip reports a missing device only on its own thread, as a stack trace per play.
            return off();
        }
        Map<Cue, AudioClip> clips = new EnumMap<>(Cue.class);
        try {
            for (Cue c : Cue.values()) {
                URL url = Sounds.class.getResource("/packguard/sounds/" + c.name().toLowerCase(java.util.Locale.ROOT) + ".wav");
                if (url == null) {
                    return off();
                }
                clips.put(c, new AudioClip(url.toExternalForm()));
            }
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // No media stack on this station: the banner's colour, shape and words still tell the verdict.
            return off();
        }
        return cue -> {
            try {
                clips.get(cue).play();
            } catch (RuntimeException e) {
                // A missing audio device must not stop packing; the banner carries the verdict.
            }
        };
    }

    /** True when the system has at least one mixer that can play sampled sound (a SourceDataLine). */
    static boolean hasAudioOutput() {
        try {
            for (javax.sound.sampled.Mixer.Info info : javax.sound.sampled.AudioSystem.getMixerInfo()) {
                if (javax.sound.sampled.AudioSystem.getMixer(info).isLineSupported(
                        new javax.sound.sampled.Line.Info(javax.sound.sampled.SourceDataLine.class))) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
