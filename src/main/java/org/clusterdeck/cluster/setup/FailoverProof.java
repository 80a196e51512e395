package org.clusterdeck.cluster.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.command.CrmAttribute;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.transport.Command;

/**
 * The setup's last step, the proof no other tool gives: the service answers a client, survives
 * the failover of the node that runs it, and the survivor still knows the leases handed out
 * before. Its commands depend on what the earlier ones found (which node is active, which address
 * was leased), so the runner ({@code app.setup.ServiceProof}) fills those values in; the plan
 * shows the same commands with the values named ({@link #planned}).
 *
 * @param group      the service's group, whose node is the active one
 * @param vip        the address a lease must come from
 * @param leasesFile dhcpd's leases file on the replicated filesystem
 * @param probe      the command on the machine ClusterDeck runs on that asks once for a lease on the
 *                   client network (a few seconds at most: it is run again and again during the
 *                   failover); empty when the spec names none (then the failover is proven by the
 *                   resources alone)
 */
public record FailoverProof(String group, String vip, String leasesFile, List<String> probe) {
    /** The name of the pseudo-node the probe runs on in the plan's listing. */
    public static final String THIS_MACHINE = "this machine";
    /** How long one run of the probe may take; the runner runs it again until the lease comes. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    /** The pause between two runs of the probe during the failover: short, as it bounds the downtime's precision. */
    public static final Duration PROBE_PAUSE = Duration.ofMillis(200);
    /** Stand-ins in the plan's listing for what the proof finds out as it runs. */
    static final String ACTIVE = "ACTIVE_NODE";
    static final String FIRST_ADDRESS = "FIRST_LEASE_ADDRESS";

    private static final Pattern RUNNING_ON = Pattern.compile("is running on: *(\\S+)");
    private static final Pattern LEASE = Pattern.compile("server=(\\S+) +address=(\\S+)");

    public FailoverProof {
        probe = List.copyOf(probe);
    }

    static FailoverProof of(SetupSpec spec) {
        return new FailoverProof(CibResources.GROUP, spec.service().vip(), CibResources.leasesPath(spec),
                spec.verification() == null ? List.of() : spec.verification().dhcpProbe());
    }

    public boolean asksForLeases() {
        return !probe.isEmpty();
    }

    /** Where the group runs: {@link #runningOn} reads the answer. */
    public Command locate() {
        return Command.of("crm_resource", "--locate", "--resource", group);
    }

    public Command probeCommand() {
        if (probe.isEmpty()) {
            throw new IllegalStateException("the spec names no DHCP probe");
        }
        return Command.of(probe.get(0), probe.subList(1, probe.size())).withTimeout(PROBE_TIMEOUT);
    }

    /** The failover: the active node in standby, so Pacemaker moves everything to the other. */
    public Command standby(String node) {
        return CrmAttribute.nodeStandby(node, true);
    }

    public Command online(String node) {
        return CrmAttribute.nodeStandby(node, false);
    }

    public Command settle() {
        return CrmResource.waitForIdle(SetupPlan.SETTLE);
    }

    /** Exit 0 when the leases file holds a lease of this address: dhcpd wrote it there before it answered. */
    public Command leaseKept(String address) {
        return Command.of("grep", "-qF", "lease " + address + " {", leasesFile);
    }

    /** The node in crm_resource's "resource G is running on: NODE"; empty when it runs nowhere. */
    public static Optional<String> runningOn(String locateOutput) {
        Matcher m = RUNNING_ON.matcher(locateOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A lease the probe got. */
    public record Lease(String server, String address) {
    }

    /** The probe's "server=IP address=IP"; empty when its output has no such line. */
    public static Optional<Lease> lease(String probeOutput) {
        Matcher m = LEASE.matcher(probeOutput);
        return m.find() ? Optional.of(new Lease(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The commands per node for the plan's listing: the cluster's on the first node, the probe on this machine. */
    public Map<String, List<Command>> planned(String anyNode) {
        Map<String, List<Command>> out = new LinkedHashMap<>();
        List<Command> cluster = new ArrayList<>(List.of(locate(), standby(ACTIVE), settle(), locate()));
        if (asksForLeases()) {
            cluster.add(leaseKept(FIRST_ADDRESS));
        }
        cluster.addAll(List.of(online(ACTIVE), settle()));
        out.put(anyNode, cluster);
        if (asksForLeases()) {
            out.put(THIS_MACHINE, List.of(probeCommand(), probeCommand()));
        }
        return out;
    }
}
