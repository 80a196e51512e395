package org.clusterdeck.cluster.setup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What about one node decides how the plan spells things, as the pre-flight finds it out.
 *
 * @param drbd9            the node's DRBD kernel module is 9.x (8.4 otherwise): config syntax, handler
 *                         names and how drbdadm names a connection ({@code r0:peer} against {@code r0})
 * @param pacemakerVersion the installed Pacemaker, or the one the package manager would install,
 *                         e.g. {@code 2.1.5}: the fencing property's name
 * @param packageManager   how packages are installed
 * @param diskBytes        the size of the node's backing disk, named in the confirmation before it is overwritten
 * @param sbdDeviceBytes   the size of the shared SBD device as this node sees it, for the same confirmation;
 *                         0 when the spec does not fence with SBD
 */
public record NodeGeneration(boolean drbd9, String pacemakerVersion, PackageManager packageManager, long diskBytes,
        long sbdDeviceBytes) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public enum PackageManager { APT, DNF }

    public NodeGeneration {
        if (pacemakerVersion == null || !VERSION.matcher(pacemakerVersion).lookingAt()) {
            throw new IllegalArgumentException("Pacemaker version '" + pacemakerVersion
                    + "' is not major.minor[.patch]; the plan needs it for the fencing property's name");
        }
        if (packageManager == null) {
            throw new IllegalArgumentException("no package manager: the plan installs with apt or dnf");
        }
        if (diskBytes <= 0) {
            throw new IllegalArgumentException("disk size " + diskBytes + ": the pre-flight did not find the disk");
        }
    }

    /**
     * Pacemaker 3.0.2 renamed {@code stonith-enabled} to {@code fencing-enabled}; the old name is
     * deprecated there, so a new cluster gets the name its Pacemaker documents.
     */
    public String fencingProperty() {
        return atLeast(3, 0, 2) ? "fencing-enabled" : "stonith-enabled";
    }

    private boolean atLeast(int major, int minor, int patch) {
        Matcher m = VERSION.matcher(pacemakerVersion);
        m.lookingAt();
        int[] have = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
        int[] want = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (have[i] != want[i]) {
                return have[i] > want[i];
            }
        }
        return true;
    }
}
