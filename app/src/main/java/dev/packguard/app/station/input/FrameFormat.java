package dev.packguard.app.station.input;

/**
 * The pictures ffmpeg hands the station: {@code width} × {@code height} pixels of 8-bit grey
 * ({@code -pix_fmt gray}, one byte per pixel, rows top to bottom, no padding), {@code fps}
 * pictures a second. Every picture on the pipe is exactly {@link #frameBytes()} long, which is
 * how a frame is told from the next one: raw video has no headers.
 */
public record FrameFormat(int width, int height, int fps) {
    /** What a camera is read at: enough pixels for a DataMatrix at arm's length, few enough to decode every frame. */
    public static final FrameFormat CAMERA = new FrameFormat(1280, 720, 10);

    /** Requires 16–4096 pixels each way and 1–60 pictures a second. */
    public FrameFormat {
        if (width < 16 || width > 4096 || height < 16 || height > 4096) {
            throw new IllegalArgumentException("frame size must be 16 to 4096 pixels each way: " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("frames per second must be 1 to 60: " + fps);
        }
    }

    /** Bytes in one picture: width × height. */
    public int frameBytes() {
        return width * height;
    }

    /** {@code WxH}, as ffmpeg writes sizes. */
    public String size() {
        return width + "x" + height;
    }
}
