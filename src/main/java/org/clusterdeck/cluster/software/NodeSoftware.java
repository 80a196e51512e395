package org.clusterdeck.cluster.software;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster software one node runs, as far as it could be found out; a version is null when
 * the tool is missing or did not say.
 *
 * @param nodeName   the cluster's name for this node ({@code crm_node -n})
 * @param drbdKernel the loaded DRBD module's version; null when DRBD is not in use there
 */
public record NodeSoftware(
        String nodeName,
        String pacemaker,
        String corosync,
        boolean crmsh,
        boolean pcs,
        String drbdUtils,
        String drbdKernel) {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * crm_mon prints {@code <pacemaker-result>} from 2.0.3 on; older versions only the legacy
     * {@code <crm_mon>} XML. An unknown version is assumed to be new, since the legacy flavour is
     * the one being removed.
     */
    public boolean needsLegacyCrmMon() {
        Matcher m = pacemaker == null ? null : NUMBERS.matcher(pacemaker);
        if (m == null || !m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return major < 2 || (major == 2 && minor == 0 && patch < 3);
    }

    public boolean hasDrbd() {
        return drbdKernel != null;
    }

    /** DRBD 8.4 nodes have no {@code drbdsetup status --json} and a different events2 dialect. */
    public boolean drbd9() {
        return drbdKernel != null && !drbdKernel.startsWith("8.");
    }
}
