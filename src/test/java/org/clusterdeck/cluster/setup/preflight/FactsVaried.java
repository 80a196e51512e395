package org.clusterdeck.cluster.setup.preflight;

/** A node's real facts with one of them replaced, for the rules that compare nodes. */
final class FactsVaried {
    private FactsVaried() {
    }

    static NodeFacts dhcpd(NodeFacts f, Account dhcpd) {
        return new NodeFacts(f.node(), f.unreachable(), f.unameNode(), f.hostname(), f.lookups(), f.timeSync(),
                f.cluster(), f.disk(), f.drbd(), f.packageManager(), f.packages(), f.pacemakerCandidate(), dhcpd, f.listening(), f.sbdDevice(), f.watchdog(), f.problems());
    }

    static NodeFacts drbd(NodeFacts f, DrbdModule drbd) {
        return new NodeFacts(f.node(), f.unreachable(), f.unameNode(), f.hostname(), f.lookups(), f.timeSync(),
                f.cluster(), f.disk(), drbd, f.packageManager(), f.packages(), f.pacemakerCandidate(), f.dhcpd(), f.listening(), f.sbdDevice(), f.watchdog(), f.problems());
    }

    static NodeFacts cluster(NodeFacts f, ClusterPresence cluster) {
        return new NodeFacts(f.node(), f.unreachable(), f.unameNode(), f.hostname(), f.lookups(), f.timeSync(),
                cluster, f.disk(), f.drbd(), f.packageManager(), f.packages(), f.pacemakerCandidate(), f.dhcpd(), f.listening(), f.sbdDevice(), f.watchdog(), f.problems());
    }

    static NodeFacts pacemakerCandidate(NodeFacts f, java.util.Map<String, String> packages, String candidate) {
        return new NodeFacts(f.node(), f.unreachable(), f.unameNode(), f.hostname(), f.lookups(), f.timeSync(),
                f.cluster(), f.disk(), f.drbd(), f.packageManager(), packages, candidate, f.dhcpd(), f.listening(), f.sbdDevice(), f.watchdog(), f.problems());
    }

    static NodeFacts watchdog(NodeFacts f, Watchdog watchdog) {
        return new NodeFacts(f.node(), f.unreachable(), f.unameNode(), f.hostname(), f.lookups(), f.timeSync(),
                f.cluster(), f.disk(), f.drbd(), f.packageManager(), f.packages(), f.pacemakerCandidate(), f.dhcpd(), f.listening(), f.sbdDevice(), watchdog, f.problems());
    }
}
