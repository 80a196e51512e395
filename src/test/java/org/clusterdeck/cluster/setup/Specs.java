package org.clusterdeck.cluster.setup;

/** Specs for the tests: the README's example, with the fencing kind or other lines changed. */
final class Specs {
    static final String EXAMPLE = SetupSpecReader.example();
    private static final String IPMI = EXAMPLE.substring(EXAMPLE.indexOf("  kind: ipmi"),
            EXAMPLE.indexOf("  # The node that survives"));

    private Specs() {
    }

    static SetupSpec example() {
        return SetupSpecReader.read(EXAMPLE);
    }

    /** The example with these lines in place of its ipmi kind and parameters. */
    static SetupSpec fencing(String kindAndParameters) {
        return SetupSpecReader.read(EXAMPLE.replace(IPMI, kindAndParameters));
    }

    static SetupSpec lab() {
        return fencing("  kind: lab\n  parameters:\n    node1: {plug: node1}\n    node2: {plug: node2}\n");
    }

    static SetupSpec sbd() {
        return fencing("  kind: sbd\n  parameters:\n    node1: {devices: /dev/disk/by-id/sbd}\n"
                + "    node2: {devices: /dev/disk/by-id/sbd}\n");
    }

    static SetupSpec none() {
        return SetupSpecReader.read(EXAMPLE.replaceAll("(?s)  kind: ipmi.*?delayNode: node1\n", "  kind: none\n")
                .replace("  # acknowledgeNoFencing: false", "  acknowledgeNoFencing: true"));
    }

    /** The example with a text changed; the change must apply. */
    static SetupSpec with(String original, String replacement) {
        if (!EXAMPLE.contains(original)) {
            throw new IllegalArgumentException("the example has no " + original);
        }
        return SetupSpecReader.read(EXAMPLE.replace(original, replacement));
    }
}
