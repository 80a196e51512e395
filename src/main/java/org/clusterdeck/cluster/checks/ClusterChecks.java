package org.clusterdeck.cluster.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.status.Summary;

/**
 * What an admin must see about a cluster at a glance, judged from crm_mon's view and, where
 * known, the configuration: no quorum or DC, nodes down, failed resources and actions, unmanaged
 * resources, risky properties and leftover constraints. The overview and {@code status} show
 * exactly these.
 */
public final class ClusterChecks {
    private ClusterChecks() {
    }

    /**
     * @param cib         the configuration; null when only crm_mon's view is known (leftovers then
     *                    come from crm_mon's bans, which show no cli-prefer)
     * @param unreachable nodes the console itself cannot reach
     * @param clocks      the nodes' clocks as last read; a finding for each that is off
     * @return worst first; within a severity in the order above
     */
    public static List<Finding> findings(ClusterStatus status, Cib cib, Set<String> unreachable,
            Collection<ClockOffset> clocks) {
        List<Finding> out = new ArrayList<>();
        Summary s = status.summary();
        if (s != null && Boolean.FALSE.equals(s.quorum())) {
            out.add(Finding.of(FindingKind.NO_QUORUM, Severity.CRITICAL, s.dcName(), "This partition has no quorum."));
        }
        if (s != null && !s.dcPresent()) {
            out.add(Finding.of(FindingKind.NO_DC, Severity.CRITICAL, null,
                    "No designated controller (DC): the cluster is not deciding anything."));
        }
        for (NodeCondition n : nodes(status, unreachable)) {
            if (n.down()) {
                out.add(Finding.of(FindingKind.NODE_DOWN, Severity.CRITICAL, n.name(),
                        "Node " + n.name() + " is " + n.state() + "."));
            } else if (n.restricted()) {
                out.add(Finding.of(FindingKind.NODE_RESTRICTED, Severity.WARNING, n.name(),
                        "Node " + n.name() + " is " + n.state() + "."));
            }
        }
        clocks.stream().filter(ClockOffset::off).forEach(c -> out.add(c.finding()));
        for (Resource r : status.resources()) {
            if (r.failed()) {
                out.add(Finding.of(FindingKind.RESOURCE_FAILED, Severity.CRITICAL, r.id(), "Resource " + r.id()
                        + " has failed" + (r.nodes().isEmpty() ? "" : " on " + String.join(", ", r.nodes())) + "."));
            }
        }
        if (!status.failures().isEmpty()) {
            int n = status.failures().size();
            out.add(new Finding(FindingKind.FAILED_ACTIONS, Severity.CRITICAL, null, n + (n == 1 ? " failed action"
                    : " failed actions") + " recorded (see Failed actions). Once the cause is fixed, a cleanup"
                    + " forgets them and lets the cluster try again.", cleanups(status.failures()), null));
        }
        List<String> unmanaged = status.resources().stream().filter(r -> !r.managed()).map(Resource::id).toList();
        if (!unmanaged.isEmpty()) {
            out.add(Finding.of(FindingKind.UNMANAGED_RESOURCES, Severity.WARNING, null, unmanaged.size()
                    + (unmanaged.size() == 1 ? " resource is" : " resources are") + " not managed by the cluster: "
                    + String.join(", ", unmanaged) + "."));
        }
        ClusterProperty.of(cib, status).stream().filter(p -> p.risk() != null)
                .forEach(p -> out.add(p.risk().finding()));
        (cib != null ? LeftoverConstraint.of(cib) : LeftoverConstraint.of(status.bans()))
                .forEach(l -> out.add(l.finding()));
        status.warnings().forEach(w -> out.add(Finding.of(FindingKind.CRM_MON_WARNING, Severity.WARNING, null,
                "crm_mon: " + w)));
        // stable: the order above stays within a severity
        out.sort(Comparator.comparing(Finding::severity).reversed());
        return List.copyOf(out);
    }

    /** crm_mon's nodes with the console's own reach. */
    public static List<NodeCondition> nodes(ClusterStatus status, Set<String> unreachable) {
        return status.nodes().stream().map(n -> new NodeCondition(n, unreachable.contains(n.name()))).toList();
    }

    /** One cleanup per failed resource and node; a clone instance ({@code rsc:1}) is cleaned up by its own id. */
    private static List<SuggestedCommand> cleanups(List<Failure> failures) {
        Set<SuggestedCommand> out = new LinkedHashSet<>();
        for (Failure f : failures) {
            if (f.resource() == null) {
                continue;
            }
            try {
                out.add(SuggestedCommand.anyNode(CrmResource.cleanup(f.resource().replaceFirst(":\\d+$", ""),
                        f.node())));
            } catch (InvalidInputException e) {
                // a name crm_mon printed that no command of ours takes: no suggestion for it
            }
        }
        return List.copyOf(out);
    }
}
