package org.clusterdeck.cluster.setup;

/**
 * SBD's settings file for fencing through a shared disk (kind {@code sbd}): Debian reads it from
 * {@code /etc/default/sbd}, Red Hat's family from {@code /etc/sysconfig/sbd}. sbd starts with
 * corosync (its unit is RequiredBy corosync.service), so this is written and enabled before
 * corosync first starts. The watchdog resets a node whose sbd stops: a hardware one, or the
 * kernel's softdog module where there is none (as in the lab).
 */
public final class SbdConf {
    /** The watchdog sbd is told to open. */
    public static final String WATCHDOG_DEVICE = "/dev/watchdog";

    private SbdConf() {
    }

    public static String path(NodeGeneration.PackageManager pm) {
        return pm == NodeGeneration.PackageManager.APT ? "/etc/default/sbd" : "/etc/sysconfig/sbd";
    }

    /** The shared device, the same on both nodes (the reader checks that). */
    public static String device(SetupSpec spec) {
        return spec.fencing().parameters().get(spec.nodes().get(0).name()).get("devices");
    }

    public static String render(SetupSpec spec) {
        return "# Written by ClusterDeck's setup; see sbd(8).\n"
                + "SBD_DEVICE=\"" + device(spec) + "\"\n"
                + "SBD_PACEMAKER=yes\n"
                + "SBD_STARTMODE=always\n"
                + "SBD_WATCHDOG_DEV=" + WATCHDOG_DEVICE + "\n"
                + "SBD_WATCHDOG_TIMEOUT=5\n";
    }
}
