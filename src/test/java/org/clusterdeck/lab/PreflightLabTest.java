package org.clusterdeck.lab;

import org.junit.jupiter.api.io.TempDir;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.clusterdeck.cli.Cli;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.io.StringWriter;
import java.io.PrintWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.preflight.NodeFacts;
import org.clusterdeck.cluster.setup.NodeGeneration;
import org.clusterdeck.cluster.setup.preflight.Preflight;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The setup pre-flight over SSH against the lab's running cluster: both nodes run corosync and
 * pacemaker, so both are refused as already clustered, and nothing on them changes.
 */
class PreflightLabTest extends LabTestBase {
    Map<String, String> env;
    String disk;

    @BeforeAll
    void labUp() throws Exception {
        lab.ok(Duration.ofSeconds(600), "up", "--token", "1000");
        env = lab.env();
        // the lab's shared disk, a loop device both nodes see: ext4, mounted on /data on the active node
        CommandResult r = new LocalProcessRunner("host").run(Command.of("losetup", "-j",
                Lab.DIR.resolve("state/disk.img").toString(), "-O", "NAME", "-n"));
        disk = r.stdout().lines().findFirst().orElseThrow().strip();
    }

    @Test
    void bothNodesAreRefusedAsAlreadyClusteredAndNothingChanges() {
        List<String> nodes = lab.nodes();
        List<SetupSpec.Node> specNodes = new ArrayList<>();
        for (String n : nodes) {
            specNodes.add(new SetupSpec.Node(n, "root@" + env.get("LAB_ADDR_" + n), env.get("LAB_ADDR_" + n), null, disk));
        }
        SetupSpec spec = new SetupSpec("lab", "auto", specNodes, null, null,
                new SetupSpec.Drbd("r0", "/dev/drbd0", 7789, null), null, null, null);
        Map<String, String> before = snapshots(nodes);

        Map<String, NodeFacts> facts;
        List<Finding> findings;
        Map<String, CommandRunner> runners = runners(nodes);
        try {
            facts = Preflight.gather(spec, runners);
            findings = Preflight.findings(spec, facts);
        } finally {
            runners.values().forEach(CommandRunner::close);
        }
        findings.forEach(f -> System.out.println("pre-flight: " + f.severity().word() + " " + f.kind().word() + " "
                + f.message()));

        assertEquals(before, snapshots(nodes), "the pre-flight changed nothing on the nodes");
        for (String n : nodes) {
            assertEquals(List.of(), facts.get(n).problems(), "every fact read on " + n);
            Finding clustered = only(findings, n, FindingKind.SETUP_ALREADY_CLUSTERED);
            assertEquals(Severity.CRITICAL, clustered.severity());
            assertTrue(clustered.message().contains("corosync runs; pacemaker runs; /etc/corosync/corosync.conf exists"),
                    clustered.message());
            assertEquals(List.of(), kinds(findings, n, FindingKind.SETUP_NAME_MISMATCH));
            assertEquals(Severity.CRITICAL, only(findings, n, FindingKind.SETUP_DISK_NOT_EMPTY).severity());
            NodeGeneration g = Preflight.generations(facts).get(n);
            assertEquals(NodeGeneration.PackageManager.APT, g.packageManager());
            assertTrue(g.pacemakerVersion() != null && g.pacemakerVersion().startsWith("2."), g.toString());
        }
    }

    /**
     * The same through the command line, as an admin previews a setup: the example spec pointed at
     * the lab's nodes and disk. Blocked, both nodes named, no plan, exit 1, and nothing changed.
     */
    @Test
    void setupDryRunOnTheRunningLabIsBlockedAndChangesNothing(@TempDir Path dir) throws Exception {
        List<String> nodes = lab.nodes();
        Path specFile = dir.resolve("lab.yaml");
        Files.writeString(specFile, SetupSpecReader.example().replace("/dev/vdb", disk));
        Map<String, String> before = snapshots(nodes);
        List<String> args = new ArrayList<>(List.of("setup", "--spec", specFile.toString(), "--dry-run", "--json",
                "-i", env.get("LAB_SSH_KEY"), "--known-hosts", env.get("LAB_KNOWN_HOSTS")));
        for (String n : nodes) {
            args.addAll(List.of("--host", "root@" + env.get("LAB_ADDR_" + n)));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(dir.resolve("audit"), new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));

        assertEquals(1, code, err + out.toString());
        JsonNode preview = new ObjectMapper().readTree(out.toString());
        assertTrue(preview.get("blocked").asBoolean(), out.toString());
        assertTrue(preview.get("plan").isNull(), "no plan while something blocks");
        List<String> clustered = new ArrayList<>();
        preview.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals(FindingKind.SETUP_ALREADY_CLUSTERED.word())) {
                clustered.add(f.get("subject").asText());
            }
        });
        assertEquals(nodes, clustered);
        assertEquals(before, snapshots(nodes), "a dry run changes nothing on the nodes");
    }

    /** What the pre-flight must not change: cluster files, the disk's signatures, the installed packages. */
    private Map<String, String> snapshots(List<String> nodes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : nodes) {
            CommandResult r = lab.ssh(n, Duration.ofSeconds(20), "sh", "-c",
                    // cib.xml is rewritten only when the configuration changes, not for status updates
                    "sha256sum /etc/corosync/corosync.conf /var/lib/pacemaker/cib/cib.xml /etc/passwd /etc/hosts;"
                            + " wipefs --no-act --json \"$1\"; dpkg-query -W | sha256sum",
                    "sh", disk);
            assertTrue(r.ok(), n + ": " + r.stderr());
            m.put(n, r.stdout());
        }
        return m;
    }

    private Map<String, CommandRunner> runners(List<String> nodes) {
        SshOptions options = new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))),
                Path.of(env.get("LAB_KNOWN_HOSTS")), false, Duration.ofSeconds(3));
        Map<String, CommandRunner> m = new LinkedHashMap<>();
        for (String n : nodes) {
            m.put(n, new SshRunner(SshTarget.parse("root@" + env.get("LAB_ADDR_" + n), "root"), options));
        }
        return m;
    }

    private static List<Finding> kinds(List<Finding> findings, String node, FindingKind kind) {
        return findings.stream().filter(f -> f.subject().equals(node) && f.kind() == kind).toList();
    }

    private static Finding only(List<Finding> findings, String node, FindingKind kind) {
        List<Finding> m = kinds(findings, node, kind);
        assertEquals(1, m.size(), kind.word() + " on " + node + " in " + findings);
        return m.get(0);
    }
}
