package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.input.FfmpegCommand.Os;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfmpegCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LINUX   | /dev/video0              | -f,v4l2,-i,/dev/video0
            LINUX   | /dev/v4l/by-id/usb-cam   | -f,v4l2,-i,/dev/v4l/by-id/usb-cam
            WINDOWS | Integrated Camera        | -f,dshow,-i,video=Integrated Camera
            MACOS   | 0                        | -f,avfoundation,-framerate,30,-i,0
            MACOS   | FaceTime HD Camera       | -f,avfoundation,-framerate,30,-i,FaceTime HD Camera
            """)
    void cameraInput_usesTheOsCameraApi(Os os, String device, String arguments) {
        assertThat(FfmpegCommand.cameraInput(os, device)).containsExactly(arguments.split(","));
    }

    @Test
    void command_asksForExactlySizedGreyRawFramesOnStandardOutput() {
        List<String> cmd = FfmpegCommand.command(Path.of("/usr/bin/ffmpeg"), FfmpegCommand.cameraInput(Os.LINUX, "/dev/video0"),
                new FrameFormat(320, 240, 10));

        assertThat(String.join(" ", cmd)).isEqualTo("/usr/bin/ffmpeg -hide_banner -nostdin -nostats -loglevel error "
                + "-f v4l2 -i /dev/video0 -an -sn -dn "
                + "-vf fps=10,scale=320:240:force_original_aspect_ratio=decrease,pad=320:240:-1:-1:color=white "
                + "-pix_fmt gray -f rawvideo pipe:1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LINUX   | ffmpeg,-hide_banner,-nostdin,-sources,v4l2
            WINDOWS | ffmpeg,-hide_banner,-nostdin,-list_devices,true,-f,dshow,-i,dummy
            MACOS   | ffmpeg,-hide_banner,-nostdin,-f,avfoundation,-list_devices,true,-i,
            """)
    void listCommand_asksTheOsCameraApiForItsDevices(Os os, String arguments) {
        assertThat(FfmpegCommand.listCommand(Path.of("ffmpeg"), os)).containsExactly(arguments.split(",", -1));
    }

    // Device list layouts as ffmpeg prints them: -sources (fftools/cmdutils.c print_device_sources:
    // "%s %s [%s]", "*" marking the default), dshow's "\"name\" (video)" lines (ffmpeg 4.3 and later)
    // and its older sections, and avfoundation's "[index] name" sections.
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LINUX   | no camera (this machine)  | 'Auto-detected sources for video4linux2,v4l2:\\n'                                                        | ''
            LINUX   | two cameras               | 'Auto-detected sources for video4linux2,v4l2:\\n* /dev/video0 [Integrated Camera: Integrated C]\\n  /dev/video2 [USB Camera]\\n' | /dev/video0;/dev/video2
            LINUX   | listing not possible      | 'Auto-detected sources for video4linux2,v4l2:\\nCannot list sources. Not implemented.\\n'                 | ''
            WINDOWS | video and audio           | '[dshow @ 000001c5] "Integrated Camera" (video)\\n[dshow @ 000001c5]   Alternative name "@device_pnp_\\\\?\\usb#vid_04f2"\\n[dshow @ 000001c5] "Microphone Array (Realtek(R) Audio)" (audio)\\ndummy: Immediate exit requested\\n' | Integrated Camera
            WINDOWS | older sections            | '[dshow @ 0x1] DirectShow video devices (some may be both video and audio devices)\\n[dshow @ 0x1]  "HD Webcam"\\n[dshow @ 0x1]     Alternative name "@device_pnp_x"\\n[dshow @ 0x1] DirectShow audio devices\\n[dshow @ 0x1]  "Microphone"\\n' | HD Webcam
            WINDOWS | audio only                | '[dshow @ 000001c5] "Microphone" (audio)\\n' | ''
            MACOS   | camera and screen         | '[AVFoundation indev @ 0x7f8b] AVFoundation video devices:\\n[AVFoundation indev @ 0x7f8b] [0] FaceTime HD Camera\\n[AVFoundation indev @ 0x7f8b] [1] Capture screen 0\\n[AVFoundation indev @ 0x7f8b] AVFoundation audio devices:\\n[AVFoundation indev @ 0x7f8b] [0] Built-in Microphone\\n' | FaceTime HD Camera
            MACOS   | screen only               | '[AVFoundation indev @ 0x7f8b] AVFoundation video devices:\\n[AVFoundation indev @ 0x7f8b] [0] Capture screen 0\\n' | ''
            """)
    void parseDevices_findsTheCamerasInFfmpegsList(Os os, String why, String output, String devices) {
        List<String> expected = devices.isEmpty() ? List.of() : Arrays.asList(devices.split(";"));
        assertThat(FfmpegCommand.parseDevices(os, output.replace("\\n", "\n"))).as(why).isEqualTo(expected);
    }

    @Test
    void locate_configuredExecutable_isUsed_andAMissingOneIsNamed() throws Exception {
        Path ffmpeg = executable(Files.createDirectories(dir.resolve("bin")), "ffmpeg");
        assertThat(FfmpegCommand.locate(Optional.of(ffmpeg), "", Os.LINUX)).isEqualTo(new FfmpegCommand.Found(ffmpeg));

        Path missing = dir.resolve("nowhere/ffmpeg");
        FfmpegCommand.Located located = FfmpegCommand.locate(Optional.of(missing), dir.resolve("bin").toString(), Os.LINUX);
        assertThat(located).isInstanceOf(FfmpegCommand.Missing.class);
        assertThat(((FfmpegCommand.Missing) located).message()).isEqualTo("Camera scanning needs ffmpeg: install it or set "
                + "input.ffmpeg (input.ffmpeg is " + missing + ", which is not an executable file)");
    }

    @Test
    void locate_searchesThePathInOrder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path first = executable(Files.createDirectories(dir.resolve("first")), "ffmpeg");
        executable(Files.createDirectories(dir.resolve("second")), "ffmpeg");
        String path = String.join(File.pathSeparator, empty.toString(), "", first.getParent().toString(),
                dir.resolve("second").toString());

        assertThat(FfmpegCommand.locate(Optional.empty(), path, Os.LINUX)).isEqualTo(new FfmpegCommand.Found(first));
        FfmpegCommand.Located none = FfmpegCommand.locate(Optional.empty(), empty.toString(), Os.LINUX);
        assertThat(((FfmpegCommand.Missing) none).message())
                .isEqualTo("Camera scanning needs ffmpeg: install it or set input.ffmpeg (it is not on the PATH)");
    }

    @Test
    void locate_aFileThatIsNotExecutable_isNotFfmpeg() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("ffmpeg"), "not a program");
        assertThat(FfmpegCommand.locate(Optional.empty(), dir.toString(), Os.LINUX)).isInstanceOf(FfmpegCommand.Missing.class);
        assertThat(FfmpegCommand.locate(Optional.of(notExecutable), "", Os.LINUX)).isInstanceOf(FfmpegCommand.Missing.class);
    }

    private static Path executable(Path folder, String name) throws Exception {
        Path p = Files.writeString(folder.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
