package org.clusterdeck.cluster.command;

import org.clusterdeck.transport.Command;

/** Calls of {@code crm_attribute}: node attributes (standby, maintenance) and cluster properties. */
public final class CrmAttribute {
    private CrmAttribute() {
    }

    /** Standby moves every resource off the node and keeps them off until it is online again. */
    public static Command nodeStandby(String node, boolean on) {
        return nodeAttribute(node, "standby", on);
    }

    /** A node in maintenance keeps its resources running but unmanaged and unmonitored. */
    public static Command nodeMaintenance(String node, boolean on) {
        return nodeAttribute(node, "maintenance", on);
    }

    /**
     * Sets a property of {@code cib-bootstrap-options}. The value is joined to its option
     * ({@code --update=VALUE}), so a value starting with '-' stays a value.
     */
    public static Command property(String name, String value) {
        return Command.of("crm_attribute", "--type", "crm_config", "--name", ActionInput.id("property name", name),
                "--update=" + ActionInput.value("value of " + name, value));
    }

    /**
     * The node's {@code terminate} attribute, until it reboots: the scheduler then fences it (crm
     * node fence sets it so). On a CIB copy, it lets crm_simulate predict a fence of the node.
     */
    public static Command terminate(String node) {
        return Command.of("crm_attribute", "--node", ActionInput.nodeName(node), "--name", "terminate",
                "--update", "true", "--lifetime", "reboot");
    }

    /** Cluster-wide maintenance: nothing is started, stopped or monitored while it is on. */
    public static Command clusterMaintenance(boolean on) {
        return property("maintenance-mode", on ? "true" : "false");
    }

    // --lifetime forever: a permanent attribute in the configuration's node section, as crm_standby sets it
    private static Command nodeAttribute(String node, String name, boolean on) {
        return Command.of("crm_attribute", "--node", ActionInput.nodeName(node), "--name", name,
                "--update", on ? "on" : "off", "--lifetime", "forever");
    }
}
