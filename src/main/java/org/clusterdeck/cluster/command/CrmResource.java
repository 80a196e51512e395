package org.clusterdeck.cluster.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.transport.Command;

/**
 * Calls of {@code crm_resource}, one small function per use. Callers pass names already checked
 * by {@link ActionInput}; the functions check again, so no unchecked name reaches a node.
 */
public final class CrmResource {
    /** Pacemaker 2.1 renamed {@code --master} to {@code --promoted}; older nodes only know the first. */
    public enum PromotedFlag {
        PROMOTED("--promoted"), MASTER("--master");

        final String option;

        PromotedFlag(String option) {
            this.option = option;
        }
    }

    /** Listing agents and asking one for its metadata runs scripts on the node: seconds, not more. */
    private static final Duration AGENT_QUERY = Duration.ofSeconds(30);

    private CrmResource() {
    }

    /** Prefers {@code node} for the resource with a {@code cli-prefer-RESOURCE} constraint. */
    public static Command move(String resource, String node, String lifetime, PromotedFlag promoted) {
        return placement("--move", resource, node, lifetime, promoted);
    }

    /** Keeps the resource away from {@code node} with a {@code cli-ban-RESOURCE-on-NODE} constraint. */
    public static Command ban(String resource, String node, String lifetime, PromotedFlag promoted) {
        return placement("--ban", resource, node, lifetime, promoted);
    }

    /** Removes the constraints move and ban created; {@code node} null for all of them. */
    public static Command clear(String resource, String node) {
        return withOptionalNode(new ArrayList<>(List.of("crm_resource", "--clear", "--resource",
                ActionInput.id("resource id", resource))), node);
    }

    /** Forgets failures and operation history so the cluster probes again; {@code node} null for every node. */
    public static Command cleanup(String resource, String node) {
        return withOptionalNode(new ArrayList<>(List.of("crm_resource", "--cleanup", "--resource",
                ActionInput.id("resource id", resource))), node);
    }

    /** Starts or stops through the {@code target-role} meta attribute, as {@code crm_resource} users do. */
    public static Command targetRole(String resource, String role) {
        if (!List.of("Started", "Stopped", "Promoted", "Unpromoted").contains(role)) {
            throw new InvalidInputException("target role", role, "expected Started, Stopped, Promoted or Unpromoted");
        }
        return meta(resource, "target-role", role);
    }

    /** Whether the cluster manages (starts, stops, monitors for recovery) the resource at all. */
    public static Command managed(String resource, boolean managed) {
        return meta(resource, "is-managed", Boolean.toString(managed));
    }

    private static Command meta(String resource, String name, String value) {
        return Command.of("crm_resource", "--resource", ActionInput.id("resource id", resource), "--meta",
                "--set-parameter", name, "--parameter-value", value);
    }

    /** The agent standards the node's executor supports (ocf, lsb, service, systemd, stonith ...), one a line. */
    public static Command listStandards() {
        return Command.of("crm_resource", "--list-standards").withTimeout(AGENT_QUERY);
    }

    /** The OCF providers installed on the node (heartbeat, pacemaker, linbit ...), one a line. */
    public static Command listOcfProviders() {
        return Command.of("crm_resource", "--list-ocf-providers").withTimeout(AGENT_QUERY);
    }

    /** The agents of a standard, or of an OCF provider ({@code ocf:heartbeat}), one a line. */
    public static Command listAgents(String standard, String provider) {
        return Command.of("crm_resource", "--list-agents", AgentName.listing(standard, provider))
                .withTimeout(AGENT_QUERY);
    }

    /** The agent's metadata (it runs the agent's meta-data action on the node). */
    public static Command showMetadata(AgentName agent) {
        return Command.of("crm_resource", "--show-metadata", agent.toString()).withTimeout(AGENT_QUERY);
    }

    /**
     * Waits until the cluster has no pending actions. The process gets a little longer than the
     * tool, so crm_resource's own timeout (exit 124) is what the caller sees.
     */
    public static Command waitForIdle(Duration timeout) {
        return Command.of("crm_resource", "--wait", "--timeout=" + Math.max(1, timeout.toSeconds()) + "s")
                .withTimeout(timeout.plusSeconds(15));
    }

    private static Command placement(String op, String resource, String node, String lifetime, PromotedFlag promoted) {
        List<String> argv = new ArrayList<>(List.of("crm_resource", op, "--resource",
                ActionInput.id("resource id", resource), "--node", ActionInput.nodeName(node)));
        if (lifetime != null) {
            argv.add("--lifetime=" + ActionInput.lifetime(lifetime));
        }
        if (promoted != null) {
            argv.add(promoted.option);
        }
        return new Command(argv, Map.of(), null, Command.DEFAULT_TIMEOUT);
    }

    private static Command withOptionalNode(List<String> argv, String node) {
        if (node != null) {
            argv.add("--node");
            argv.add(ActionInput.nodeName(node));
        }
        return new Command(argv, Map.of(), null, Command.DEFAULT_TIMEOUT);
    }
}
