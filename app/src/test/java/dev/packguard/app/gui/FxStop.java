package dev.packguard.app.gui;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Stops a {@link StationApplication} on the FX thread, as JavaFX itself does when the window
 * closes: the station's own callbacks run on that thread, so a stop from the test thread would
 * race them (a callback already past its "stopped?" check would find the worker shut down).
 */
final class FxStop {
    private FxStop() {
    }

    static void stop(StationApplication app) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.stop();
            return null;
        }).get();
    }
}
