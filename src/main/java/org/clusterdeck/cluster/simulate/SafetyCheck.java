package org.clusterdeck.cluster.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterdeck.cluster.PacemakerBoolean;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.drbd.DrbdConnection;
import org.clusterdeck.cluster.drbd.DrbdDevice;
import org.clusterdeck.cluster.drbd.DrbdPeerDevice;
import org.clusterdeck.cluster.drbd.DrbdResource;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Resource;

/**
 * Actions ClusterDeck refuses because they would hurt, each with the reason: standby or a fence of
 * the last online node, a change that stops the last running fencing device, and a promotion of DRBD onto
 * a node whose disk is not UpToDate (it would serve stale or partial data).
 */
public final class SafetyCheck {
    private static final String DRBD_AGENT = "ocf:linbit:drbd";

    private SafetyCheck() {
    }

    /**
     * @param drbd DRBD state per cluster node name, as far as known; empty where no node has DRBD
     * @return the refusals, empty when the action may go ahead
     */
    public static List<String> refusals(ClusterAction action, ClusterStatus current, Cib cib, Prediction prediction,
            Map<String, DrbdStatus> drbd) {
        List<String> out = new ArrayList<>();
        lastOnlineNode(action, current).ifPresent(out::add);
        if (!deletesFencing(action)) {
            lastFencingDevice(current, cib, prediction).ifPresent(out::add);
        }
        out.addAll(drbdPromotions(prediction, cib, drbd));
        return out;
    }

    /**
     * What an admin may do knowingly: deleting the last fencing device while fencing is on (taking a
     * cluster's fencing apart on purpose, or replacing a device) is applied only once acknowledged;
     * merely stopping it stays refused.
     */
    public static List<RiskCheck.Warning> warnings(ClusterAction action, ClusterStatus current, Cib cib,
            Prediction prediction) {
        if (!deletesFencing(action)) {
            return List.of();
        }
        return lastFencingDevice(current, cib, prediction).map(why -> List.of(new RiskCheck.Warning("deleting "
                + ((ClusterAction.DeleteResource) action).resource() + " leaves no fencing device while fencing is on: "
                + why.substring(why.indexOf(": ") + 2) + "; add the new device first, or switch fencing off knowingly",
                true))).orElse(List.of());
    }

    private static boolean deletesFencing(ClusterAction action) {
        return action instanceof ClusterAction.DeleteResource d && d.fenceDevice();
    }

    static Optional<String> lastOnlineNode(ClusterAction action, ClusterStatus current) {
        String node = action instanceof ClusterAction.Standby s && s.on() ? s.node()
                : action instanceof ClusterAction.Fence f ? f.node() : null;
        if (node == null) {
            return Optional.empty();
        }
        boolean another = current.nodes().stream()
                .anyMatch(n -> !n.name().equals(node) && n.online() && !n.standby());
        return another ? Optional.empty() : Optional.of(node + " is the last online node not in standby: "
                + (action instanceof ClusterAction.Fence ? "fencing it" : "standby") + " would stop every resource of"
                + " the cluster");
    }

    static Optional<String> lastFencingDevice(ClusterStatus current, Cib cib, Prediction prediction) {
        String enabled = Optional.ofNullable(cib.clusterProperty("fencing-enabled"))
                .orElse(cib.clusterProperty("stonith-enabled"));
        if (PacemakerBoolean.isFalse(enabled)) {
            return Optional.empty();
        }
        List<String> running = runningFencing(current.resources());
        if (running.isEmpty() || !runningFencing(prediction.finalResources()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("this would stop the last running fencing device (" + String.join(", ", running)
                + "): with fencing enabled, a node that fails could then not be fenced and its resources"
                + " would not be recovered");
    }

    private static List<String> runningFencing(List<Resource> resources) {
        return resources.stream()
                .filter(r -> r.active() && r.agent() != null && r.agent().startsWith("stonith:"))
                .map(Resource::id).distinct().toList();
    }

    static List<String> drbdPromotions(Prediction prediction, Cib cib, Map<String, DrbdStatus> drbd) {
        List<String> out = new ArrayList<>();
        for (PredictedAction a : prediction.actions()) {
            if (!"promote".equals(a.action()) || a.resource() == null) {
                continue;
            }
            String primitiveId = a.resource().replaceFirst(":\\d+$", "");
            Optional<Primitive> p = cib.resource(primitiveId).filter(Primitive.class::isInstance).map(Primitive.class::cast);
            if (p.isEmpty() || !DRBD_AGENT.equals(p.get().resourceClass() + ":" + p.get().provider() + ":" + p.get().type())) {
                continue;
            }
            String name = NvSet.unconditionalValue(p.get().instanceAttributes(), "drbd_resource");
            drbdRefusal(name, a.where(), drbd).ifPresent(why -> out.add("promoting " + a.resource() + " on "
                    + a.where() + " is refused: " + why));
        }
        return out;
    }

    /**
     * Whether DRBD resource {@code name} may become Primary on {@code target}: its disk there must
     * be UpToDate, as the node itself or a connected peer reports it.
     */
    public static Optional<String> drbdRefusal(String name, String target, Map<String, DrbdStatus> drbd) {
        if (name == null) {
            return Optional.of("its drbd_resource parameter is not set, so its disk state cannot be checked");
        }
        DrbdStatus local = drbd.get(target);
        Optional<DrbdResource> own = local == null ? Optional.empty() : find(local, name);
        if (own.isPresent()) {
            List<String> states = own.get().devices().stream().map(DrbdDevice::diskState).distinct().toList();
            return allUpToDate(states) ? Optional.empty()
                    : Optional.of("DRBD " + name + " on " + target + " has disk state " + String.join("/", states)
                            + ", not UpToDate");
        }
        for (Map.Entry<String, DrbdStatus> e : drbd.entrySet()) {
            for (DrbdConnection c : find(e.getValue(), name).map(DrbdResource::connections).orElse(List.of())) {
                if (target.equals(c.peer())) {
                    List<String> states = c.peerDevices().stream().map(DrbdPeerDevice::peerDiskState).distinct().toList();
                    return allUpToDate(states) ? Optional.empty()
                            : Optional.of("the peer disk of DRBD " + name + " on " + target + " is "
                                    + String.join("/", states) + " as " + e.getKey() + " sees it, not UpToDate");
                }
            }
        }
        return Optional.of("no node reports the state of DRBD " + name + " on " + target
                + " (not connected, or DRBD state could not be read)");
    }

    private static boolean allUpToDate(List<String> states) {
        return !states.isEmpty() && states.stream().allMatch("UpToDate"::equals);
    }

    private static Optional<DrbdResource> find(DrbdStatus status, String name) {
        return status.resources().stream().filter(r -> name.equals(r.name())).findFirst();
    }
}
