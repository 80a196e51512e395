package org.clusterdeck.cluster.setup.preflight;

import java.util.List;
import org.clusterdeck.cluster.setup.SbdConf;

/**
 * The watchdogs a node has, for SBD: a node that loses the shared disk and its peer must reset
 * itself, which only a watchdog device does. sbd opens {@link SbdConf#WATCHDOG_DEVICE}.
 *
 * @param devices        the watchdog character devices there are (/dev/watchdog, /dev/watchdog0 ...)
 * @param softdogModule  the kernel's software watchdog is there to load where no device is
 */
public record Watchdog(List<String> devices, boolean softdogModule) {
    public Watchdog {
        devices = List.copyOf(devices);
    }

    /** The lines of {@link PreflightCommands#watchdogs()}: device paths, and {@code softdog} when the module is there. */
    static Watchdog parse(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new Watchdog(lines.stream().filter(l -> l.startsWith("/dev/")).toList(), lines.contains("softdog"));
    }

    public boolean ready() {
        return devices.contains(SbdConf.WATCHDOG_DEVICE);
    }
}
