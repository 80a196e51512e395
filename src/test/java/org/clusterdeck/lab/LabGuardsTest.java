package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.junit.jupiter.api.Test;

/**
 * lab/up refuses to run where it must not (no root, its subnet or names taken by something
 * else) without creating anything, and --bare gives nodes with SSH but no cluster.
 */
class LabGuardsTest extends LabTestBase {

    private final LocalProcessRunner host = new LocalProcessRunner("host");

    @Test
    void refusesWithoutRoot() {
        CommandResult r = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Lab.DIR.resolve("up").toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("must run as root"), r.stderr());
        assertLabAbsent();
    }

    @Test
    void refusesWhenAnotherInterfaceUsesTheSubnet() {
        assertEquals(0, run("ip", "link", "add", "cdtest-taken", "type", "bridge").exitCode());
        try {
            assertEquals(0, run("ip", "addr", "add", "10.99.0.5/24", "dev", "cdtest-taken").exitCode());
            CommandResult r = lab.run(SCRIPT, "up");
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("10.99.0.0/24 is taken") && r.stderr().contains("cdtest-taken"), r.stderr());
            assertLabAbsent();
        } finally {
            run("ip", "link", "del", "cdtest-taken");
        }
    }

    @Test
    void refusesABridgeOfTheSameNameThatIsNotTheLabs() {
        assertEquals(0, run("ip", "link", "add", "br-lab", "type", "bridge").exitCode());
        try {
            CommandResult r = lab.run(SCRIPT, "up");
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("br-lab exists") && r.stderr().contains("not the lab's"), r.stderr());
            assertEquals("", run("ip", "netns", "list").stdout().strip(), "no namespace may be created");
        } finally {
            run("ip", "link", "del", "br-lab");
        }
    }

    @Test
    void bareNodesAnswerSshButRunNoCluster() {
        lab.ok(Duration.ofSeconds(600), "up", "--bare");
        try {
            for (String node : lab.nodes()) {
                CommandResult r = lab.ssh(node, Duration.ofSeconds(15), "sh", "-c",
                        "hostname; test -e /etc/corosync/corosync.conf && echo conf; "
                                + "ls /var/lib/pacemaker/cib; pgrep -x corosync; pgrep -x pacemakerd; true");
                assertTrue(r.ok(), r.stderr());
                assertEquals(node, r.stdout().strip(), "only the hostname: no corosync.conf, no CIB, no daemons");
            }
        } finally {
            lab.ok(SCRIPT, "down");
        }
    }

    private void assertLabAbsent() {
        assertNotEquals(0, run("ip", "link", "show", "dev", "br-lab").exitCode(), "br-lab must not be created");
        assertEquals("", run("ip", "netns", "list").stdout().strip(), "no namespace may be created");
    }

    private CommandResult run(String... argv) {
        try {
            return host.run(Command.of(argv).withTimeout(SCRIPT));
        } catch (TransportException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
