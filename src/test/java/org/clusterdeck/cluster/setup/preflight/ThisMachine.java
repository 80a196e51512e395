package org.clusterdeck.cluster.setup.preflight;

import java.util.List;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;

/** Specs and facts of this machine, read with the real commands: what the pre-flight tests judge. */
final class ThisMachine {
    static final String PEER = "peer-node";

    private ThisMachine() {
    }

    /** The kernel's name for this machine, read from /proc rather than with the command under test. */
    static String name() {
        return LoopDisks.ok(Command.of("cat", "/proc/sys/kernel/hostname")).strip();
    }

    /** Two nodes: this machine by its own name on {@code diskA}, and a peer on {@code diskB}. */
    static SetupSpec spec(String diskA, String diskB, int drbdPort) {
        return new SetupSpec("test", "auto", List.of(
                new SetupSpec.Node(name(), "localhost", "127.0.0.1", null, diskA),
                new SetupSpec.Node(PEER, "localhost", "10.0.0.2", null, diskB)), null, null,
                new SetupSpec.Drbd("r0", "/dev/drbd0", drbdPort, null), null, null, null);
    }

    /** {@link #spec} fencing with SBD on {@code sbdDisk}, the same path for both nodes. */
    static SetupSpec sbd(SetupSpec spec, String sbdDisk) {
        java.util.Map<String, java.util.Map<String, String>> params = new java.util.LinkedHashMap<>();
        spec.nodes().forEach(n -> params.put(n.name(), java.util.Map.of("devices", sbdDisk)));
        return new SetupSpec(spec.cluster(), spec.dialect(), spec.nodes(), spec.corosync(),
                new SetupSpec.Fencing("sbd", params, spec.nodes().get(0).name(), false, false), spec.drbd(),
                spec.filesystem(), spec.service(), spec.verification());
    }

    /** This machine's facts as the named spec node, with that node's disk. */
    static NodeFacts facts(SetupSpec spec, int node) {
        SetupSpec.Node n = spec.nodes().get(node);
        return new NodeFactsReader(new LocalProcessRunner(n.name()), n.name()).read(spec, n.disk());
    }
}
