package org.clusterdeck.ui.setup;

import java.util.List;

/**
 * The wizard's pages in order, one decision each, with the spec fields each page asks for: a
 * problem the spec's rules find in a field is shown on the page that asks for it.
 */
public enum WizardPage {
    NODES("Nodes", "How to reach the two nodes", List.of("nodes[0].host", "nodes[1].host")),
    PREFLIGHT("Pre-flight", "What the nodes are like now", List.of()),
    CLUSTER("Cluster", "Name and heartbeat links", List.of("cluster", "dialect", "nodes[0].name", "nodes[1].name",
            "nodes[0].heartbeat", "nodes[1].heartbeat", "nodes[0].management", "nodes[1].management", "corosync",
            "nodes")),
    FENCING("Fencing", "How a node that stops answering is taken out", List.of("fencing")),
    STORAGE("Storage", "The replicated disk", List.of("nodes[0].disk", "nodes[1].disk", "drbd", "filesystem")),
    SERVICE("Service", "The address and the DHCP service clients see", List.of("service", "verification")),
    REVIEW("Review", "Everything that will run", List.of()),
    RUN("Run", "Building the cluster", List.of()),
    VERIFY("Verify", "The service proven", List.of());

    private final String title;
    private final String subtitle;
    private final List<String> fields;

    WizardPage(String title, String subtitle, List<String> fields) {
        this.title = title;
        this.subtitle = subtitle;
        this.fields = fields;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    /** Whether the spec field (a path such as {@code fencing.parameters.node1.ip}) is asked for on this page. */
    public boolean asks(String field) {
        return fields.stream().anyMatch(f -> field.equals(f) || field.startsWith(f + "."));
    }
}
