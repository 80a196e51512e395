package org.clusterdeck.cluster.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
