package org.clusterdeck.cluster.checks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clusterdeck.cluster.PacemakerBoolean;
import org.clusterdeck.cluster.command.CrmAttribute;
import org.clusterdeck.cluster.events.Severity;

/**
 * A cluster property whose value opens the door to split brain or a silent outage, with why and
 * how to set it back; the text starts with the setting ("fencing off: …") so that it reads the
 * same as a finding and as a plan's warning. The same rule judges a property as configured (overview, {@code status})
 * and as an action would set it (the plan's warnings). Those behind split brain (both nodes
 * running the service and writing the same data) need an explicit acknowledgement before
 * ClusterDeck sets them; maintenance is routine but must not be forgotten.
 *
 * @param acknowledge setting it needs the admin's explicit "I understand"
 * @param commands    what sets it back, in order
 */
public record PropertyRisk(FindingKind kind, String property, String text, boolean acknowledge,
        List<SuggestedCommand> commands) {

    public PropertyRisk {
        commands = List.copyOf(commands);
    }

    /**
     * What the cluster looks like, as far as the rules need: a two-node cluster should keep quorum
     * with corosync's {@code two_node} instead of ignoring it.
     *
     * @param nodes   cluster member nodes; 0 when unknown
     * @param twoNode corosync runs with {@code two_node: 1}; null when unknown
     */
    public record Shape(int nodes, Boolean twoNode) {
        public static final Shape UNKNOWN = new Shape(0, null);
    }

    /** The risk of {@code name=value}, if any. {@code value} is as configured (any spelling Pacemaker takes). */
    public static Optional<PropertyRisk> of(String name, String value, Shape shape) {
        return Optional.ofNullable(switch (name) {
            case "stonith-enabled", "fencing-enabled" -> PacemakerBoolean.isFalse(value)
                    ? new PropertyRisk(FindingKind.FENCING_DISABLED, name, "fencing off: a node that stops answering"
                            + " is assumed to be down. If it is still running, both nodes run the service: both mount"
                            + " the replicated filesystem and both serve clients (split brain). Failed stops can no"
                            + " longer be recovered. Configure a fencing device and test it, then switch fencing on.", true,
                            List.of(set(name, "true")))
                    : null;
            case "no-quorum-policy" -> value != null && value.toLowerCase(Locale.ROOT).equals("ignore")
                    ? new PropertyRisk(FindingKind.QUORUM_IGNORED, name, "no-quorum-policy=ignore: a partition without quorum"
                            + " keeps running and starting resources, so after a network split both halves may run the"
                            + " service (split brain)." + twoNodeAdvice(shape), true, List.of(set(name, "stop")))
                    : null;
            case "startup-fencing" -> PacemakerBoolean.isFalse(value)
                    ? new PropertyRisk(FindingKind.STARTUP_FENCING_DISABLED, name, "startup-fencing=false: nodes not"
                            + " seen at startup are assumed down without being fenced; resources they still run may be"
                            + " started a second time.", true, List.of(set(name, "true")))
                    : null;
            case "maintenance-mode" -> PacemakerBoolean.isTrue(value)
                    ? new PropertyRisk(FindingKind.MAINTENANCE_MODE, name, "maintenance-mode on: nothing is"
                            + " monitored, started, stopped or recovered anywhere until it is switched off again;"
                            + " do not leave it on.", false, List.of(SuggestedCommand.anyNode(CrmAttribute.clusterMaintenance(false))))
                    : null;
            case "stop-all-resources" -> PacemakerBoolean.isTrue(value)
                    ? new PropertyRisk(FindingKind.STOP_ALL_RESOURCES, name, "stop-all-resources on: every resource"
                            + " is told to stop.", false, List.of(set(name, "false")))
                    : null;
            default -> null;
        });
    }

    private static String twoNodeAdvice(Shape shape) {
        if (Boolean.TRUE.equals(shape.twoNode())) {
            return " This cluster runs corosync with two_node: 1, which already keeps quorum on the surviving node of"
                    + " two; ignore adds nothing but the risk.";
        }
        return shape.nodes() == 2 ? " In a two-node cluster use corosync's two_node: 1 instead, which keeps quorum"
                + " safely when one node fails (together with fencing)." : "";
    }

    private static SuggestedCommand set(String name, String value) {
        return SuggestedCommand.anyNode(CrmAttribute.property(name, value));
    }

    public Finding finding() {
        return new Finding(kind, Severity.WARNING, property, text, commands, null);
    }
}
