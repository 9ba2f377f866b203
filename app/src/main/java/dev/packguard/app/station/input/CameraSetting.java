package dev.packguard.app.station.input;

import java.util.Objects;
import java.util.Optional;

/**
 * Which camera, if any, the station watches for codes ({@code input.camera} in station.json,
 * docs/CONFIGURATION.md): none, the first camera ffmpeg lists, or a named device.
 */
public sealed interface CameraSetting permits CameraSetting.Off, CameraSetting.Auto, CameraSetting.Device {
    /** Longest device name or path accepted. */
    int MAX_LENGTH = 200;

    /** The text written in the configuration for this setting. */
    String text();

    /** No camera: the default. */
    record Off() implements CameraSetting {
        @Override
        public String text() {
            return "off";
        }
    }

    /** The first camera ffmpeg lists for this operating system. */
    record Auto() implements CameraSetting {
        @Override
        public String text() {
            return "auto";
        }
    }

    /**
     * One camera, as the operating system names it: a path on Linux ({@code /dev/video0}), the
     * DirectShow name on Windows ({@code Integrated Camera}), the AVFoundation name or index on macOS.
     */
    record Device(String name) implements CameraSetting {
        /** Requires a name that {@link #parse} would accept. */
        public Device {
            Objects.requireNonNull(name, "name");
            if (name.equalsIgnoreCase("off") || name.equalsIgnoreCase("auto")) {
                throw new IllegalArgumentException("\"" + name + "\" is a setting, not a device");
            }
            deviceProblem(name).ifPresent(p -> {
                throw new IllegalArgumentException("camera device \"" + name + "\" " + p);
            });
        }

        @Override
        public String text() {
            return name;
        }
    }

    /** The outcome of {@link #parse}. */
    sealed interface Parsed permits Parsed.Valid, Parsed.Invalid {
        /** A setting the station can use. */
        record Valid(CameraSetting setting) implements Parsed {
            /** Requires the setting. */
            public Valid {
                Objects.requireNonNull(setting, "setting");
            }
        }

        /** Not a setting; {@code problem} says why, for the configuration error of {@code input.camera}. */
        record Invalid(String problem) implements Parsed {
            /** Requires the problem. */
            public Invalid {
                Objects.requireNonNull(problem, "problem");
            }
        }
    }

    /**
     * Reads the configuration's text: exactly {@code off} or {@code auto}, or else a device name
     * without surrounding spaces or control characters, at most {@link #MAX_LENGTH} characters.
     * {@code Off} or {@code AUTO} are refused rather than taken for a device of that name, which
     * would only fail later with a puzzling "device not found".
     */
    static Parsed parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("off")) {
            return new Parsed.Valid(new Off());
        }
        if (text.equals("auto")) {
            return new Parsed.Valid(new Auto());
        }
        if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("auto")) {
            return new Parsed.Invalid("write \"" + text.toLowerCase(java.util.Locale.ROOT) + "\" in lower case");
        }
        return deviceProblem(text).<Parsed>map(Parsed.Invalid::new).orElseGet(() -> new Parsed.Valid(new Device(text)));
    }

    private static Optional<String> deviceProblem(String name) {
        if (name.isBlank() || !name.equals(name.strip())) {
            return Optional.of("must be \"off\", \"auto\" or a camera device without spaces around it");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
