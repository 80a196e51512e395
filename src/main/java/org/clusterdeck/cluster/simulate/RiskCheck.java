package org.clusterdeck.cluster.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.checks.PropertyRisk;
import org.clusterdeck.cluster.command.ClusterAction;

/**
 * Actions ClusterDeck allows but warns about: a property set to a risky value ({@link PropertyRisk}
 * says which and whether it needs an explicit acknowledgement besides the confirmation), and
 * maintenance and unmanaged resources, warned only: routine, but nothing is recovered while they last.
 */
public final class RiskCheck {
    /** @param acknowledge true: applying it also needs the admin's explicit "I understand" */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"text", "acknowledge"})
    public record Warning(String text, boolean acknowledge) {
    }

    private RiskCheck() {
    }

    /** @param shape what is known of the cluster's nodes and corosync, for the quorum advice */
    public static List<Warning> warnings(ClusterAction action, PropertyRisk.Shape shape) {
        List<Warning> out = new ArrayList<>();
        if (action instanceof ClusterAction.Property p) {
            property(p.name(), p.value(), shape, out);
        } else if (action instanceof ClusterAction.Maintenance m && m.on()) {
            out.add(new Warning((m.node() == null ? "the whole cluster" : m.node()) + " will be in maintenance:"
                    + " resources keep running but are not monitored, started, stopped or recovered until"
                    + " maintenance is switched off again; do not leave it on", false));
        } else if (action instanceof ClusterAction.Fence f) {
            out.add(new Warning(f.node() + " will be " + (f.off() ? "powered off and left off" : "rebooted")
                    + " at once, as if it had failed: whatever runs there is killed, not stopped, and recovered"
                    + " elsewhere; unsaved work on it is lost", true));
        } else if (action instanceof ClusterAction.Manage m && !m.managed()) {
            out.add(new Warning(m.resource() + " will be unmanaged: the cluster neither starts, stops nor recovers"
                    + " it (nor what depends on it) until it is managed again", false));
        }
        return out;
    }

    private static void property(String name, String value, PropertyRisk.Shape shape, List<Warning> out) {
        PropertyRisk.of(name, value, shape).ifPresent(r -> out.add(new Warning(r.text(), r.acknowledge())));
    }
}
