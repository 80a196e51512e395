package org.clusterdeck.cluster.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.transport.Command;

/** Actions through Pacemaker's own tools, which every cluster node has: crm_resource and crm_attribute. */
public final class PlainTools implements CommandDialect {
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    private final CrmResource.PromotedFlag promotedFlag;

    public PlainTools(CrmResource.PromotedFlag promotedFlag) {
        this.promotedFlag = promotedFlag;
    }

    /** Speaks the node's Pacemaker version: {@code --master} before 2.1, {@code --promoted} from then on. */
    public static PlainTools forNode(NodeSoftware software) {
        Matcher m = software.pacemaker() == null ? null : MAJOR_MINOR.matcher(software.pacemaker());
        boolean old = m != null && m.find() && (Integer.parseInt(m.group(1)) < 2
                || Integer.parseInt(m.group(1)) == 2 && Integer.parseInt(m.group(2)) < 1);
        return new PlainTools(old ? CrmResource.PromotedFlag.MASTER : CrmResource.PromotedFlag.PROMOTED);
    }

    @Override
    public String name() {
        return "pacemaker";
    }

    /** Whether the node's Pacemaker names roles Promoted and Unpromoted (2.1 on), not Master and Slave. */
    public boolean promotedRoleNames() {
        return promotedFlag == CrmResource.PromotedFlag.PROMOTED;
    }

    @Override
    public List<Command> commands(ClusterAction action) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete by review
        if (action instanceof ClusterAction.Move m) {
            return List.of(CrmResource.move(m.resource(), m.node(), m.lifetime(), flag(m.promoted())));
        } else if (action instanceof ClusterAction.Ban b) {
            return List.of(CrmResource.ban(b.resource(), b.node(), b.lifetime(), flag(b.promoted())));
        } else if (action instanceof ClusterAction.Clear c) {
            return List.of(CrmResource.clear(c.resource(), c.node()));
        } else if (action instanceof ClusterAction.Start s) {
            return List.of(CrmResource.targetRole(s.resource(), "Started"));
        } else if (action instanceof ClusterAction.Stop s) {
            return List.of(CrmResource.targetRole(s.resource(), "Stopped"));
        } else if (action instanceof ClusterAction.Cleanup c) {
            return List.of(CrmResource.cleanup(c.resource(), c.node()));
        } else if (action instanceof ClusterAction.Standby s) {
            return List.of(CrmAttribute.nodeStandby(s.node(), s.on()));
        } else if (action instanceof ClusterAction.Maintenance m) {
            return List.of(m.node() == null
                    ? CrmAttribute.clusterMaintenance(m.on()) : CrmAttribute.nodeMaintenance(m.node(), m.on()));
        } else if (action instanceof ClusterAction.Property p) {
            return List.of(CrmAttribute.property(p.name(), p.value()));
        } else if (action instanceof ClusterAction.Manage m) {
            return List.of(CrmResource.managed(m.resource(), m.managed()));
        } else if (action instanceof ClusterAction.Demote d) {
            return List.of(CrmResource.ban(d.resource(), d.node(), null, promotedFlag));
        } else if (action instanceof ClusterAction.AddConstraint a) {
            return List.of(CibAdmin.createConstraint(a.constraint()));
        } else if (action instanceof ClusterAction.RemoveConstraint r) {
            return List.of(CibAdmin.deleteConstraint(r.id()));
        } else if (action instanceof ClusterAction.CreateResource c) {
            if (c.before() != null || c.after() != null) {
                // cibadmin merges into a group at its end only; a position would mean rewriting the group
                throw new InvalidInputException("position", c.before() != null ? "before " + c.before() : "after " + c.after(),
                        "Pacemaker's own tools add to a group's end only; for a position use the crmsh or pcs dialect");
            }
            return List.of(CibAdmin.createPrimitive(c.primitive(), c.group()));
        } else if (action instanceof ClusterAction.UpdateResource u) {
            return List.of(CibAdmin.replacePrimitive(planned(u.after(), u.resource())));
        } else if (action instanceof ClusterAction.GroupAdd g) {
            return List.of(CibAdmin.replaceResources(planned(g.edit(), g.group()).after()));
        } else if (action instanceof ClusterAction.GroupRemove g) {
            return List.of(CibAdmin.replaceResources(planned(g.edit(), g.group()).after()));
        } else if (action instanceof ClusterAction.Clone c) {
            return List.of(CibAdmin.replaceResources(planned(c.edit(), c.resource()).after()));
        } else if (action instanceof ClusterAction.Unclone u) {
            return List.of(CibAdmin.replaceResources(planned(u.edit(), u.resource()).after()));
        } else if (action instanceof ClusterAction.Fence f) {
            return List.of(StonithAdmin.fence(f.node(), f.off()));
        } else if (action instanceof ClusterAction.DeleteResource d) {
            // the constraints first: none of them names a resource that is gone in between
            List<Command> out = new java.util.ArrayList<>();
            d.constraints().forEach(c -> out.add(CibAdmin.deleteConstraint(c)));
            out.add(CibAdmin.deletePrimitive(d.resource()));
            return out;
        }
        throw new IllegalArgumentException("no plain-tools spelling for " + action.kind());
    }

    /**
     * crm_resource --cleanup only pretends with CIB_file (and 2.1.5 then crashes), so a cleanup is not
     * staged; a fence, which only the fencer carries out, is staged as its terminate attribute.
     */
    @Override
    public List<Command> staged(ClusterAction action) {
        return action instanceof ClusterAction.Fence f ? fenceStaged(f) : stageable(action) ? commands(action) : List.of();
    }

    /** What predicts a fence on a CIB copy: the node's terminate attribute, which the scheduler answers with a fence. */
    static List<Command> fenceStaged(ClusterAction.Fence f) {
        return List.of(CrmAttribute.terminate(f.node()));
    }

    /** Whether the change can be made on a CIB copy: not a cleanup, nor in the shells, which call crm_resource for it. */
    static boolean stageable(ClusterAction action) {
        return !(action instanceof ClusterAction.Cleanup);
    }

    @Override
    public Optional<Command> afterLanding(ClusterAction action) {
        return CommandDialect.clearsAfterLanding(action).map(resource -> CrmResource.clear(resource, null));
    }

    /** An edit (a primitive's, a group's or clone's), which the plan makes on the CIB before any spelling is asked. */
    static <T> T planned(T edit, String resource) {
        if (edit == null) {
            throw new IllegalStateException("the change of " + resource + " is spelled only once planned on the CIB");
        }
        return edit;
    }

    private CrmResource.PromotedFlag flag(boolean promoted) {
        return promoted ? promotedFlag : null;
    }
}
