package org.clusterdeck.cluster.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clusterdeck.cluster.command.ClusterAction;

/**
 * Actions ClusterDeck allows but warns about. Those that open the door to split brain (both nodes
 * running the service and writing the same data) need an explicit acknowledgement besides the
 * confirmation: fencing off, quorum ignored, no fencing of unseen nodes at startup. Maintenance
 * and unmanaged resources are warned only: routine, but nothing is recovered while they last.
 */
public final class RiskCheck {
    /** Pacemaker's spellings of false ({@code crm_is_true} is true for yes/on/y/true/1). */
    private static final List<String> FALSE = List.of("false", "no", "off", "n", "0");

    /** @param acknowledge true: applying it also needs the admin's explicit "I understand" */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"text", "acknowledge"})
    public record Warning(String text, boolean acknowledge) {
    }

    private RiskCheck() {
    }

    /** Whether a boolean option's value means false to Pacemaker. */
    public static boolean isFalse(String value) {
        return value != null && FALSE.contains(value.toLowerCase(Locale.ROOT));
    }

    /** @param twoNode corosync runs with {@code two_node: 1}; null when unknown */
    public static List<Warning> warnings(ClusterAction action, Boolean twoNode) {
        List<Warning> out = new ArrayList<>();
        if (action instanceof ClusterAction.Property p) {
            property(p.name(), p.value(), twoNode, out);
        } else if (action instanceof ClusterAction.Maintenance m && m.on()) {
            out.add(new Warning((m.node() == null ? "the whole cluster" : m.node()) + " will be in maintenance:"
                    + " resources keep running but are not monitored, started, stopped or recovered until"
                    + " maintenance is switched off again; do not leave it on", false));
        } else if (action instanceof ClusterAction.Manage m && !m.managed()) {
            out.add(new Warning(m.resource() + " will be unmanaged: the cluster neither starts, stops nor recovers"
                    + " it (nor what depends on it) until it is managed again", false));
        }
        return out;
    }

    private static void property(String name, String value, Boolean twoNode, List<Warning> out) {
        switch (name) {
            case "stonith-enabled", "fencing-enabled" -> {
                if (isFalse(value)) {
                    out.add(new Warning("fencing off: a node that stops answering is assumed to be down. If it is"
                            + " still running, both nodes run the service: both mount the replicated filesystem and"
                            + " both answer DHCP (split brain). Failed stops are no longer recoverable.", true));
                }
            }
            case "no-quorum-policy" -> {
                if ("ignore".equalsIgnoreCase(value)) {
                    out.add(new Warning("no-quorum-policy=ignore: a partition without quorum keeps running and"
                            + " starting resources, so after a network split both halves may run the service"
                            + (Boolean.TRUE.equals(twoNode)
                                    ? ". This cluster runs corosync with two_node: 1, which already keeps quorum on"
                                            + " the surviving node of two; ignore adds nothing but the risk."
                                    : "."), true));
                }
            }
            case "startup-fencing" -> {
                if (isFalse(value)) {
                    out.add(new Warning("startup-fencing=false: nodes not seen at startup are assumed down without"
                            + " being fenced; resources they still run may be started a second time.", true));
                }
            }
            case "maintenance-mode" -> {
                if (!isFalse(value)) {
                    out.add(new Warning("maintenance-mode on: nothing is monitored, started, stopped or recovered"
                            + " anywhere until it is set to false again; do not leave it on", false));
                }
            }
            default -> {
            }
        }
    }
}
