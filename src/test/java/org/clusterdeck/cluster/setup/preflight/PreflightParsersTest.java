package org.clusterdeck.cluster.setup.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The parsers on real outputs that this machine's facts do not cover (rpm, a package dpkg has
 * never heard of, account lines), and on broken ones: each error names the source and what is wrong.
 */
class PreflightParsersTest {
    private static final String SOURCE = "node1: 'tool'";

    @Test
    void dpkgNamesAnUnknownPackageOnStandardErrorOnlyAndListsTheRest() {
        CommandResult r = LoopDisks.run(PreflightCommands.dpkgVersions(List.of("dpkg", "no-such-package-here")));
        assertEquals(1, r.exitCode(), "dpkg-query exits 1 when a name matches nothing");
        Map<String, String> v = PackageVersionParser.dpkg(r.stdout(), SOURCE);
        assertEquals(List.of("dpkg"), List.copyOf(v.keySet()));
        assertTrue(v.get("dpkg").matches("\\d.*"), v.toString());
    }

    /** What apt would install, from its real policy output: a version, "(none)", and nothing for a name it never heard of. */
    @Test
    void aptNamesItsCandidateOrNone() {
        CommandResult known = LoopDisks.run(PreflightCommands.aptCandidate("dpkg"));
        assertEquals(0, known.exitCode(), known.stderr());
        assertTrue(PackageVersionParser.aptCandidate(known.stdout(), SOURCE).matches("\\d.*"), known.stdout());
        // a virtual package: apt knows the name, nothing provides a version of it
        CommandResult virtual = LoopDisks.run(PreflightCommands.aptCandidate("mail-transport-agent"));
        assertTrue(virtual.stdout().contains("Candidate: (none)"), virtual.stdout());
        assertEquals(null, PackageVersionParser.aptCandidate(virtual.stdout(), SOURCE));
        CommandResult unknown = LoopDisks.run(PreflightCommands.aptCandidate("no-such-package-here"));
        assertEquals("", unknown.stdout());
        assertEquals(null, PackageVersionParser.aptCandidate(unknown.stdout(), SOURCE));
        fails("no 'Candidate:' line", () -> PackageVersionParser.aptCandidate("pacemaker:\n  Installed: 1\n", SOURCE));
    }

    @Test
    void rpmSaysWhatIsNotInstalledOnStandardOutput() {
        Assumptions.assumeTrue(LoopDisks.run(Command.of("sh", "-c", "command -v rpm")).ok(),
                "skipped: no rpm here (.ci/run installs it)");
        CommandResult r = LoopDisks.run(PreflightCommands.rpmVersions(ClusterPackages.forManager(ClusterPackages.DNF)));
        assertEquals(ClusterPackages.NAMES.size(), r.exitCode(), "rpm -q exits with the number not installed");
        assertTrue(r.stdout().contains("package dhcp-server is not installed"), r.stdout());
        assertEquals(Map.of(), PackageVersionParser.rpm(r.stdout(), SOURCE));
        assertEquals(Map.of("pacemaker", "2.1.7-5.el9"), PackageVersionParser.rpm("pacemaker\t2.1.7-5.el9\n", SOURCE));
        assertEquals("isc-dhcp-server", ClusterPackages.debianName(ClusterPackages.DNF, "dhcp-server"));
    }

    @Test
    void realAccountAndHostLines() {
        Account root = AccountParser.parse(LoopDisks.ok(Command.of("getent", "passwd", "root")), SOURCE);
        assertEquals(new Account("root", 0, 0), root);
        NameLookup localhost = HostLookupParser.parse("localhost",
                LoopDisks.ok(PreflightCommands.hostLookup("localhost")), SOURCE);
        assertTrue(localhost.address().equals("127.0.0.1") || localhost.address().equals("::1"), localhost.toString());
    }

    @Test
    void brokenOutputsNameTheSourceAndTheProblem() {
        fails("expected one passwd line with 7 fields, got 'dhcpd:x:101'", () -> AccountParser.parse("dhcpd:x:101", SOURCE));
        fails("uid or gid is not a number", () -> AccountParser.parse("dhcpd:x:abc:101::/:/bin/false", SOURCE));
        fails("expected 'ADDRESS NAME', got 'node1'", () -> HostLookupParser.parse("node1", "node1\n", SOURCE));
        fails("expected 'yes' or 'no', got 'maybe'", () -> TimeSyncParser.timedatectl("maybe\n", SOURCE));
        fails("no 'Leap status' line", () -> TimeSyncParser.chrony("506 Cannot talk to daemon\n", SOURCE));
        fails("expected 2 state words, got [active]",
                () -> UnitStateParser.active(List.of("corosync", "pacemaker"), "active\n", SOURCE));
        fails("a section is not closed (truncated?)", () -> CorosyncConfParser.parse("totem {\n version: 2\n", SOURCE));
        fails("no totem section", () -> CorosyncConfParser.parse("logging {\n}\n", SOURCE));
        fails("not JSON", () -> LsblkParser.parse("{\"blockdevices\": [", SOURCE));
        fails("expected one device in 'blockdevices', got 0", () -> LsblkParser.parse("{\"blockdevices\": []}", SOURCE));
        fails("size is not a number of bytes", () -> LsblkParser.parse(
                "{\"blockdevices\":[{\"name\":\"vdb\",\"path\":\"/dev/vdb\",\"size\":\"8G\",\"type\":\"disk\"}]}", SOURCE));
        fails("no 'signatures' list", () -> WipefsParser.parse("{}", SOURCE));
        fails("a signature without a type", () -> WipefsParser.parse("{\"signatures\":[{\"offset\":\"0x438\"}]}", SOURCE));
        fails("expected 'package<TAB>status<TAB>version', got 'corosync 3.1.7'",
                () -> PackageVersionParser.dpkg("corosync 3.1.7\n", SOURCE));
        fails("expected 'tcp|udp STATE RECV-Q SEND-Q ADDRESS:PORT PEER', got 'State Recv-Q'",
                () -> ListeningPortParser.parse("State Recv-Q\n", SOURCE));
        fails("port 'x' is not a number", () -> ListeningPortParser.parse("tcp LISTEN 0 128 0.0.0.0:x 0.0.0.0:*", SOURCE));
    }

    @Test
    void ssAddressesWithInterfacesAndBrackets() {
        // ss's forms for a socket bound to an interface and an IPv6 wildcard
        List<ListeningPort> p = ListeningPortParser.parse("""
                udp   UNCONN 0      0      10.99.0.11%eth0:5405      0.0.0.0:*
                tcp   LISTEN 0      128              [::]:2224          [::]:*
                """, SOURCE);
        assertEquals(List.of(new ListeningPort("udp", "10.99.0.11", 5405), new ListeningPort("tcp", "::", 2224)), p);
    }

    @Test
    void corosyncConfWithoutANodeListIsNotThePackagesDefault() {
        CorosyncConf multicast = CorosyncConfParser.parse("totem {\n cluster_name: old\n interface {\n"
                + "  mcastaddr: 239.255.1.1 # ring0_addr: 127.0.0.1 in a comment does not count\n }\n}\n", SOURCE);
        assertFalse(multicast.packageDefault());
        assertEquals("old", multicast.clusterName());
    }

    @Test
    void onlyTheFileThisSpecWritesIsAnEarlierRunOfTheSameSetup() {
        SetupSpec spec = SetupSpecReader.read(SetupSpecReader.example());
        String written = org.clusterdeck.cluster.setup.CorosyncConf.render(spec);
        assertTrue(CorosyncConfParser.parse(written, SOURCE).writtenFor(spec));
        // same name, same addresses, someone's own token: a cluster someone built, never resumed over
        CorosyncConf tuned = CorosyncConfParser.parse(written.replace("    version: 2\n", "    version: 2\n    token: 5000\n"),
                SOURCE);
        assertEquals(spec.cluster(), tuned.clusterName());
        assertFalse(tuned.writtenFor(spec));
    }

    private static void fails(String problem, Executable parse) {
        FormatException e = assertThrows(FormatException.class, parse::run);
        assertEquals(SOURCE, e.source());
        assertTrue(e.problem().contains(problem), e.problem());
    }

    /** A parse that should throw. */
    @FunctionalInterface
    interface Executable {
        void run();
    }
}
