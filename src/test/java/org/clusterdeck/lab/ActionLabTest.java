package org.clusterdeck.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clusterdeck.app.action.ActionOutcome;
import org.clusterdeck.app.action.ActionPlan;
import org.clusterdeck.app.action.ActionService;
import org.clusterdeck.app.action.UnfinishedAction;
import org.clusterdeck.app.action.UnfinishedActions;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditingRunner;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.Runners;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The action subcommands against the lab's real cluster: what crm_mon shows afterwards (read by
 * XPath, not by ClusterDeck's parser) must be what crm_simulate predicted, and a move leaves no
 * constraint behind. Both nodes have crmsh and pcs here, so the default dialect is the plain tools;
 * {@link DialectActionLabTest} runs the actions with only one of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionLabTest extends ActionLabTestBase {
    static List<String> summary(JsonNode transition) {
        List<String> out = new ArrayList<>();
        transition.get("actions").forEach(a -> out.add(a.get("action").asText() + " " + a.get("resource").asText()));
        return out;
    }

    @Test
    @Order(1)
    void moveTheDhcpStackPreviewThenApply() throws Exception {
        String from = view().serviceNode();
        assertNotNull(from, "the lab starts with the stack on one node");
        String to = lab.other(from);

        Run text = cliText("move", "g_dhcp", to, "--dry-run");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("Action: move g_dhcp to " + to + "\n"), text.out());
        assertTrue(text.out().contains("Commands:\n  crm_resource --move --resource g_dhcp --node " + to + "\n"),
                text.out());
        assertTrue(text.out().contains("    move p_vip " + from + " -> " + to + "\n"), text.out());
        assertTrue(text.out().contains("  then, after crm_resource --clear --resource g_dhcp:\n    nothing changes\n"),
                text.out());

        Run dry = cli("move", "g_dhcp", to, "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        JsonNode plan = dry.json();
        assertEquals("crm_resource --move --resource g_dhcp --node " + to, plan.get("commands").get(0).asText());
        assertEquals("crm_resource --clear --resource g_dhcp", plan.get("afterLanding").asText());
        assertTrue(plan.get("cibVersion").asText().matches("\\d+\\.\\d+\\.\\d+"), plan.toString());
        assertEquals(0, plan.get("refusals").size());
        JsonNode move = plan.get("prediction").get("transitions").get(0);
        List<String> actions = summary(move);
        for (String member : ClusterView.SERVICE) {
            assertTrue(actions.contains("move " + member), member + " in " + actions);
        }
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("promote p_drbd_r0")), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("demote p_drbd_r0")), actions.toString());
        move.get("actions").forEach(a -> {
            if (a.get("action").asText().equals("move")) {
                assertEquals(from, a.get("source").asText());
                assertEquals(to, a.get("destination").asText());
            }
        });
        // resource-stickiness=100: clearing the constraint afterwards moves nothing back
        assertEquals(0, plan.get("prediction").get("transitions").get(1).get("actions").size());
        assertEquals(from, view().serviceNode(), "--dry-run changed nothing");
        assertEquals(0, cliConstraints());

        Run apply = cli("move", "g_dhcp", to, "--yes");
        assertEquals(0, apply.code(), apply.err() + apply.out());
        JsonNode outcome = apply.json();
        assertEquals("done", outcome.get("result").asText());
        assertTrue(outcome.get("asPredicted").asBoolean());
        assertEquals("done, as predicted", outcome.get("message").asText());
        ClusterView after = view();
        assertEquals(to, after.serviceNode());
        assertPredictedEqualsActual(outcome.get("plan"), after);
        assertEquals(0, cliConstraints(), "no cli-prefer/cli-ban constraint left");
        String lease = lab.ok(Duration.ofSeconds(30), "probe-dhcp");
        assertTrue(lease.startsWith("server=" + env.get("LAB_VIP") + " "), lease);

        // the audit log: the preview, then plan, confirmation and end of the applied move, with outputs
        List<JsonNode> lines = auditedActions();
        assertEquals(List.of("planned", "planned", "planned", "confirmed", "done"),
                lines.stream().map(n -> n.get("step").asText()).toList());
        assertEquals("--yes", lines.get(3).get("confirmation").asText());
        JsonNode ran = lines.get(4).get("outcome").get("commands");
        assertEquals(plan.get("commands").get(0).asText(), ran.get(0).get("command").asText());
        ran.forEach(c -> assertEquals(0, c.get("exitCode").asInt(), c.toString()));
        // one wait for the move; after the clear, which the prediction says moves nothing, one idle look instead
        List<String> steps = new ArrayList<>();
        ran.forEach(c -> steps.add(c.get("command").asText().replaceFirst("^(crm_resource --wait|idle check).*", "$1")));
        assertEquals(List.of(plan.get("commands").get(0).asText(), "crm_resource --wait",
                "crm_resource --clear --resource g_dhcp", "idle check"), steps);
        // the command lines over SSH: the move and the clear, and nothing else, recorded as changes with output
        List<JsonNode> changes = auditedCommands().stream().filter(c -> c.get("changing").asBoolean()).toList();
        assertEquals(List.of(plan.get("commands").get(0).asText(), "crm_resource --clear --resource g_dhcp"),
                changes.stream().map(c -> c.get("display").asText()).toList());
        changes.forEach(c -> {
            assertEquals(0, c.get("exitCode").asInt(), c.toString());
            assertTrue(c.get("stdout").isTextual() && c.get("stderr").isTextual(), c.toString());
        });
    }

    @Test
    @Order(2)
    void standbyAndOnlineAsPredictedAndTheLastNodeIsKept() throws Exception {
        String active = view().serviceNode();
        String other = lab.other(active);

        // no --yes and no terminal to ask on (as under surefire): nothing is applied
        Run unconfirmed = cli("standby", active);
        assertEquals(1, unconfirmed.code(), unconfirmed.out());
        assertTrue(unconfirmed.err().startsWith("clusterdeck: not applied: no terminal to confirm on"),
                unconfirmed.err());
        assertEquals(0, count(crmMonXml(), "//node[@standby='true']"));
        assertEquals(active, view().serviceNode());

        Run standby = cli("standby", active, "--yes");
        assertEquals(0, standby.code(), standby.err() + standby.out());
        assertTrue(standby.json().get("asPredicted").asBoolean());
        ClusterView after = view();
        assertEquals(other, after.serviceNode());
        assertFalse(after.nodesRunningAnything().contains(active), after.toString());
        assertPredictedEqualsActual(standby.json().get("plan"), after);
        assertEquals(1, count(crmMonXml(), "/pacemaker-result/nodes/node[@name='" + active + "' and @standby='true']"));

        // the other node is now the last one: its standby is refused, previewed or not, and nothing changes
        for (String mode : List.of("--dry-run", "--yes")) {
            Run refused = cli("standby", other, mode);
            assertEquals(1, refused.code(), refused.out());
            assertTrue(refused.err().contains("refused: " + other + " is the last online node not in standby"),
                    refused.err());
        }
        assertEquals(0, count(crmMonXml(), "/pacemaker-result/nodes/node[@name='" + other + "' and @standby='true']"));

        Run online = cli("online", active, "--yes");
        assertEquals(0, online.code(), online.err() + online.out());
        assertTrue(online.json().get("asPredicted").asBoolean());
        assertPredictedEqualsActual(online.json().get("plan"), view());
        assertEquals(0, count(crmMonXml(), "//node[@standby='true']"));
        assertEquals(other, view().serviceNode(), "stickiness keeps the stack where it is");
    }

    @Test
    @Order(3)
    void aConfigurationChangeBetweenPreviewAndApplyIsPreviewedAgainNotApplied() throws Exception {
        String from = view().serviceNode();
        String to = lab.other(from);
        SshOptions options = new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))),
                Path.of(env.get("LAB_KNOWN_HOSTS")), false, Duration.ofSeconds(3));
        try (SshRunner node = new SshRunner(SshTarget.parse(host("node1"), "root"), options);
                AuditLog audit = new AuditLog(dataDir)) {
            ActionService service = new ActionService(new NodeConnection(node), audit, SETTLE);
            ActionPlan plan = service.plan(new ClusterAction.Move("g_dhcp", to, null, false, false));
            assertFalse(plan.refused());

            // someone else changes the configuration in between
            CommandResult other = lab.ssh("node2", Duration.ofSeconds(15), "crm_attribute", "--type", "crm_config",
                    "--name", "cluster-recheck-interval", "--update", "7min");
            assertEquals(0, other.exitCode(), other.stderr());

            ActionOutcome outcome = service.apply(plan, "test");
            assertEquals(ActionOutcome.Result.STALE, outcome.result());
            assertTrue(outcome.commands().isEmpty(), "nothing ran: " + outcome.commands());
            assertNotNull(outcome.newPlan());
            assertTrue(outcome.newPlan().version().compareTo(plan.version()) > 0,
                    outcome.newPlan().cibVersion() + " after " + plan.cibVersion());
            assertEquals(plan.commands(), outcome.newPlan().commands());
            assertEquals(from, view().serviceNode(), "the move was not applied");
            assertEquals(0, cliConstraints());
        }
    }

    @Test
    @Order(4)
    void cleanupForgetsARealFailure() throws Exception {
        String active = view().serviceNode();
        // the cluster's own way to report a failure: recorded, recovered, listed by crm_mon
        CommandResult fail = lab.ssh(active, Duration.ofSeconds(15), "crm_resource", "--fail", "--resource", "p_vip",
                "--node", active);
        assertEquals(0, fail.exitCode(), fail.stderr());
        Lab.await("crm_mon lists the failure", Duration.ofSeconds(30), () -> {
            try {
                return count(crmMonXml(), "/pacemaker-result/failures/failure[@op_key and starts-with(@op_key,'p_vip_')]")
                        > 0 ? true : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> "no failure");
        Run cleanup = cli("cleanup", "p_vip", "--yes");
        assertEquals(0, cleanup.code(), cleanup.err() + cleanup.out());
        assertFalse(cleanup.json().get("plan").get("notes").isEmpty(), "the plan says cleanup is not staged");
        assertEquals(0, count(crmMonXml(), "/pacemaker-result/failures/failure"));
        assertEquals(active, view().serviceNode());
    }

    @Test
    @Order(5)
    void propertyValuesArriveLiterallyAndRunNothing() throws Exception {
        Run set = cli("property", "cluster-recheck-interval=3min", "--yes");
        assertEquals(0, set.code(), set.err() + set.out());
        assertEquals("3min", query("cluster-recheck-interval"));

        String marker = "/tmp/clusterdeck-action-marker-" + ProcessHandle.current().pid();
        String hostile = "lab$(touch " + marker + ")`touch " + marker + "`;touch " + marker;
        Run hostileSet = cli("property", "cluster-name=" + hostile, "--yes");
        assertEquals(0, hostileSet.code(), hostileSet.err());
        assertEquals(hostile, query("cluster-name"));
        for (String n : lab.nodes()) {
            assertEquals(1, lab.ssh(n, Duration.ofSeconds(10), "test", "-e", marker).exitCode(), "marker on " + n);
        }
        assertFalse(Files.exists(Path.of(marker)));
        Run restore = cli("property", "cluster-name=lab", "--yes");
        assertEquals(0, restore.code(), restore.err());
    }

    @Test
    @Order(7)
    void moveInCrmshAsPredicted() throws Exception {
        String to = lab.other(view().serviceNode());
        Run move = cli("move", "g_dhcp", to, "--dialect", "crmsh", "--yes");
        assertEquals(0, move.code(), move.err() + move.out());
        JsonNode plan = move.json().get("plan");
        assertEquals("crmsh", plan.get("dialect").asText());
        assertEquals("crm resource move g_dhcp " + to, plan.get("commands").get(0).asText());
        assertEquals("crm resource clear g_dhcp", plan.get("afterLanding").asText());
        assertTrue(move.json().get("asPredicted").asBoolean(), move.out());
        ClusterView after = view();
        assertEquals(to, after.serviceNode());
        assertPredictedEqualsActual(plan, after);
        assertEquals(0, cliConstraints());
    }

    /**
     * The console killed (SIGKILL) while applying a move: after the move was made, while it waits
     * for the cluster, before it clears the move's constraint. Started again, it finds the action
     * unfinished in the audit log (what the window shows at start), and the cluster's findings name
     * the constraint the move left behind.
     */
    @Test
    @Order(9)
    void aConsoleKilledWhileApplyingLeavesItsActionUnfinishedAndItsConstraintFound() throws Exception {
        String to = lab.other(view().serviceNode());
        Path killed = Files.createDirectories(dataDir.resolve("killed"));
        // a JVM of its own, to be killed: its audit log and home are given
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dclusterdeck.dataDir=" + killed, "-Duser.home=" + System.getProperty("user.home"), "-cp",
                System.getProperty("java.class.path"), "org.clusterdeck.Main", "move", "g_dhcp", to, "--yes",
                "--host", host("node1"), "--host", host("node2"), "-i", env.get("LAB_SSH_KEY"), "--known-hosts",
                env.get("LAB_KNOWN_HOSTS")));
        String move = "crm_resource --move --resource g_dhcp --node " + to;
        Process console = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(killed.resolve("console.txt").toFile()).start();
        try {
            String moved = "\"display\":\"" + move + "\",\"changing\":true,\"exitCode\":0";
            Lab.await("'" + move + "' applied", Duration.ofSeconds(90),
                    () -> readOrEmpty(killed.resolve(AuditLog.FILE_NAME)).contains(moved) ? true : null,
                    () -> readOrEmpty(killed.resolve("console.txt")));
            console.destroyForcibly(); // SIGKILL
            assertTrue(console.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(137, console.exitValue(), "killed, not ended");
        } finally {
            console.destroyForcibly();
        }
        String audit = Files.readString(killed.resolve(AuditLog.FILE_NAME));
        assertFalse(audit.contains("\"display\":\"crm_resource --clear"), "killed before the clear: " + audit);

        List<UnfinishedAction> unfinished = UnfinishedActions.in(killed);
        assertEquals(1, unfinished.size(), unfinished.toString());
        assertTrue(unfinished.get(0).description().contains("g_dhcp"), unfinished.toString());

        theClusterShowsTheMoveAndItsConstraint(to);
    }

    /**
     * The link to the node an action is applied through drops right after the move, while the
     * action waits for the cluster (every packet to and from its sshd lost): the action is never
     * reported done; its audit ends "interrupted" with why, the move's own record above it. Once the
     * link is back, the cluster shows what happened: the stack where the move put it and the move's
     * constraint among the findings.
     */
    @Test
    @Order(10)
    void theLinkDroppingWhileApplyingEndsTheActionInterruptedAndTheClusterTellsTheRest() throws Exception {
        String to = lab.other(view().serviceNode());
        Path dropped = Files.createDirectories(dataDir.resolve("dropped"));
        String move = "crm_resource --move --resource g_dhcp --node " + to;
        SshOptions options = new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))),
                Path.of(env.get("LAB_KNOWN_HOSTS")), false, Duration.ofSeconds(3));
        try (SshRunner ssh = new SshRunner(SshTarget.parse(host("node1"), "root"), options);
                AuditLog audit = new AuditLog(dropped)) {
            CommandRunner dropping = Runners.of(ssh.node(), command -> {
                CommandResult r = ssh.run(command);
                if (command.display().equals(move)) {
                    lab.ok(Duration.ofSeconds(30), "fault", "loss", "node1", "100");
                }
                return r;
            });
            ActionService service = new ActionService(new NodeConnection(new AuditingRunner(dropping, audit)), audit,
                    Duration.ofSeconds(10));
            ActionPlan plan = service.plan(new ClusterAction.Move("g_dhcp", to, null, false, false));
            TransportException e = assertThrows(TransportException.class, () -> service.apply(plan, "test"));
            System.out.println("ActionLabTest: link dropped while applying: " + e.getMessage());
        } finally {
            lab.ok(Duration.ofSeconds(30), "fault", "clear", "node1");
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dropped.resolve(AuditLog.FILE_NAME))) {
            lines.add(JSON.readTree(l));
        }
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("interrupted", last.get("step").asText(), last.toString());
        assertTrue(last.get("confirmation").asText().startsWith("applying stopped, its end not known: "), last.toString());
        assertTrue(lines.stream().noneMatch(l -> "done".equals(l.path("step").asText())), "never done");
        assertTrue(lines.stream().anyMatch(l -> move.equals(l.path("display").asText()) && l.get("exitCode").asInt() == 0),
                "the move's record, exit 0");

        theClusterShowsTheMoveAndItsConstraint(to);
    }

    /**
     * What the cluster tells after a move whose action broke off: the stack where the move put it,
     * the move's constraint among status's findings. The constraint is cleared afterwards.
     */
    private void theClusterShowsTheMoveAndItsConstraint(String to) throws Exception {
        Lab.await("the stack on " + to, SETTLE, () -> to.equals(view().serviceNode()) ? true : null, () -> view().toString());
        Run status = cli("status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("cli-prefer-g_dhcp"), "the move's constraint among the findings: " + status.out());
        CommandResult clear = lab.ssh("node1", Duration.ofSeconds(15), "crm_resource", "--clear", "--resource", "g_dhcp");
        assertEquals(0, clear.exitCode(), clear.stderr());
        assertEquals(0, cliConstraints());
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return ""; // being written by the console: asked again
        }
    }

    @Test
    @Order(8)
    void stopAndStartFencingButNeverTheLastDevice() throws Exception {
        Run stop1 = cli("stop", "st_node1", "--yes");
        assertEquals(0, stop1.code(), stop1.err() + stop1.out());
        assertTrue(stop1.json().get("asPredicted").asBoolean());
        assertFalse(view().resources().stream().anyMatch(p -> p.id().equals("st_node1") && p.active()));

        for (String mode : List.of("--dry-run", "--yes")) {
            Run stop2 = cli("stop", "st_node2", mode);
            assertEquals(1, stop2.code(), stop2.out());
            assertTrue(stop2.err().contains("refused: this would stop the last running fencing device (st_node2)"),
                    stop2.err());
        }
        assertTrue(view().resources().stream().anyMatch(p -> p.id().equals("st_node2") && p.active()));
        // deleting the last running device is the admin's to decide knowingly, not refused
        Run delete2 = cli("stonith", "delete", "st_node2", "--yes");
        assertEquals(1, delete2.code(), delete2.out());
        assertTrue(delete2.err().contains("not applied: deleting st_node2 leaves no fencing device while fencing is on")
                && delete2.err().contains("Pass --i-understand"), delete2.err());
        assertTrue(delete2.json().get("refusals").isEmpty(), delete2.out());
        assertEquals(1, count(SafeXml.parse(lab.ssh("node1", Duration.ofSeconds(15), "cibadmin", "--query", "--scope",
                "resources").stdout(), "resources"), "//primitive[@id='st_node2']"), "st_node2 is still there");

        Run start1 = cli("start", "st_node1", "--yes");
        assertEquals(0, start1.code(), start1.err() + start1.out());
        assertTrue(start1.json().get("asPredicted").asBoolean());
        assertTrue(view().everythingActive());
    }

    @Test
    @Order(12)
    void unmanageKeepsItRunningAndManageHandsItBack() throws Exception {
        String active = view().serviceNode();
        Run off = cli("unmanage", "p_dhcpd", "--yes");
        assertEquals(0, off.code(), off.err() + off.out());
        assertTrue(off.json().get("asPredicted").asBoolean(), off.out());
        assertEquals("p_dhcpd will be unmanaged: the cluster neither starts, stops nor recovers it (nor what depends on"
                + " it) until it is managed again", off.json().get("plan").get("warnings").get(0).get("text").asText());
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_dhcpd' and @managed='false' and @active='true']"));
        Run on = cli("manage", "p_dhcpd", "--yes");
        assertEquals(0, on.code(), on.err() + on.out());
        assertEquals(1, count(crmMonXml(), "//resource[@id='p_dhcpd' and @managed='true' and @active='true']"));
        assertEquals(active, view().serviceNode());
    }

    @Test
    @Order(13)
    void demoteAndPromoteMoveThePromotedRoleAndTheStackAndLeaveNoConstraint() throws Exception {
        String from = view().serviceNode();
        Run dry = cli("demote", "ms_drbd_r0", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertEquals("crm_resource --ban --resource ms_drbd_r0 --node " + from + " --promoted",
                dry.json().get("commands").get(0).asText());
        Run demote = cli("demote", "ms_drbd_r0", "--yes");
        assertEquals(0, demote.code(), demote.err() + demote.out());
        assertTrue(demote.json().get("asPredicted").asBoolean(), demote.out());
        ClusterView after = view();
        assertEquals(lab.other(from), after.serviceNode(), "the stack follows the promoted role");
        assertPredictedEqualsActual(demote.json().get("plan"), after);
        assertEquals(0, cliConstraints());

        Run promote = cli("promote", "ms_drbd_r0", from, "--yes");
        assertEquals(0, promote.code(), promote.err() + promote.out());
        assertEquals("crm_resource --move --resource ms_drbd_r0 --node " + from + " --promoted",
                promote.json().get("plan").get("commands").get(0).asText());
        assertTrue(promote.json().get("asPredicted").asBoolean(), promote.out());
        assertEquals(from, view().serviceNode(), "the stack follows the promoted role back");
        assertPredictedEqualsActual(promote.json().get("plan"), view());
        assertEquals(0, cliConstraints());
    }

    @Test
    @Order(14)
    void aLocationConstraintAddedMovesTheStackAndRemovingItKeepsItThere() throws Exception {
        String from = view().serviceNode();
        String to = lab.other(from);
        Run add = cli("constraint", "add", "location", "l_test", "g_dhcp", to, "--score", "INFINITY", "--yes");
        assertEquals(0, add.code(), add.err() + add.out());
        assertTrue(add.json().get("asPredicted").asBoolean(), add.out());
        assertEquals(to, view().serviceNode());
        assertEquals(1, count(constraintsXml(), "//rsc_location[@id='l_test' and @rsc='g_dhcp' and @node='" + to
                + "' and @score='INFINITY']"));
        Run again = cli("constraint", "add", "location", "l_test", "g_dhcp", to, "--score", "5", "--dry-run");
        assertEquals(2, again.code(), again.out());
        assertTrue(again.err().contains("the CIB already has this id"), again.err());

        Run remove = cli("constraint", "remove", "l_test", "--yes");
        assertEquals(0, remove.code(), remove.err() + remove.out());
        assertTrue(remove.json().get("asPredicted").asBoolean(), remove.out());
        assertEquals(0, count(constraintsXml(), "//*[@id='l_test']"));
        assertEquals(to, view().serviceNode());
    }

    @Test
    @Order(16)
    void theAgentsOverSshAreTheNodesOwn() throws Exception {
        // the node's own listing, over plain ssh
        CommandResult listed = lab.ssh("node1", Duration.ofSeconds(30), "crm_resource", "--list-agents", "ocf:heartbeat");
        assertEquals(0, listed.exitCode(), listed.stderr());
        List<String> own = listed.stdout().lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(t -> "ocf:heartbeat:" + t).toList();
        Run list = cli("agents", "list", "--provider", "heartbeat");
        assertEquals(0, list.code(), list.err());
        List<String> shown = new ArrayList<>();
        list.json().get("agents").forEach(a -> shown.add(a.asText()));
        assertEquals(own, shown);

        // IPaddr2's parameters, counted in the node's own metadata by XPath
        CommandResult meta = lab.ssh("node1", Duration.ofSeconds(30), "crm_resource", "--show-metadata",
                "ocf:heartbeat:IPaddr2");
        int params = Integer.parseInt(javax.xml.xpath.XPathFactory.newInstance().newXPath().evaluate(
                "count(/resource-agent/parameters/parameter)",
                org.clusterdeck.cluster.xml.SafeXml.parseNamingDtd(meta.stdout(), "IPaddr2")));
        Run ip = cli("agents", "show", "ocf:heartbeat:IPaddr2");
        assertEquals(0, ip.code(), ip.err());
        assertEquals(params, ip.json().get("parameters").size());

        // the lab's own fence agent as the fencer describes it: plug not required (the fencer gives the
        // target itself, as it does action), its old name port deprecated for it, the fencer's attributes after
        Run fence = cliText("agents", "show", "stonith:fence_lab");
        assertEquals(0, fence.code(), fence.err());
        assertTrue(fence.out().contains("\n  action (string) [reboot]: Fencing action\n  plug (string): Lab node to act on"
                + " (node1, node2)\n"), fence.out());
        assertTrue(fence.out().contains("\n  port (string): Lab node to act on (old name of plug) (deprecated: use plug)\n"),
                fence.out());
        assertTrue(fence.out().contains("\n  pcmk_host_list (string): "), fence.out());
    }

    @Test
    @Order(15)
    void fencingOffIsExplainedWarnedAndNeedsIUnderstand() throws Exception {
        Run dry = cliText("property", "stonith-enabled=false", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        // the explanation is the node's own Pacemaker metadata (pacemaker-schedulerd 2.1.5)
        assertTrue(dry.out().contains("Note: stonith-enabled: "), dry.out());
        assertTrue(dry.out().contains("(default: true)"), dry.out());
        assertTrue(dry.out().contains("WARNING (needs --i-understand): fencing off"), dry.out());

        JsonNode plan = cli("property", "stonith-enabled=false", "--dry-run").json();
        assertTrue(plan.get("acknowledgementNeeded").asBoolean(), plan.toString());
        assertTrue(plan.get("warnings").get(0).get("acknowledge").asBoolean(), plan.toString());

        Run yesOnly = cli("property", "stonith-enabled=false", "--yes");
        assertEquals(1, yesOnly.code(), yesOnly.out());
        assertTrue(yesOnly.err().contains("Pass --i-understand"), yesOnly.err());
        assertEquals("true", query("stonith-enabled"));

        Run understood = cli("property", "stonith-enabled=false", "--yes", "--i-understand");
        try {
            assertEquals(0, understood.code(), understood.err() + understood.out());
            assertEquals("false", query("stonith-enabled"));
            String confirmed = Files.readAllLines(dataDir.resolve(AuditLog.FILE_NAME)).stream()
                    .filter(l -> l.contains("\"step\":\"confirmed\"")).reduce((a, b) -> b).orElseThrow();
            assertTrue(confirmed.contains("\"confirmation\":\"--yes, warnings acknowledged\""), confirmed);

            // status names the risk now in place, with the command that sets it back
            Run status = cli("status");
            assertEquals(0, status.code(), status.err());
            JsonNode fencing = null;
            for (JsonNode f : status.json().get("findings")) {
                if (f.get("kind").asText().equals("fencing-disabled")) {
                    fencing = f;
                }
            }
            assertTrue(fencing != null, status.out());
            assertEquals("stonith-enabled", fencing.get("subject").asText());
            assertEquals("crm_attribute --type crm_config --name stonith-enabled --update=true",
                    fencing.get("commands").get(0).get("command").asText());
        } finally {
            Run back = cli("property", "stonith-enabled=true", "--yes");
            assertEquals(0, back.code(), back.err() + back.out());
        }
        assertEquals("true", query("stonith-enabled"));

        Run quorum = cliText("property", "no-quorum-policy=ignore", "--dry-run");
        assertTrue(quorum.out().contains("two_node: 1"), quorum.out());

        Run typo = cliText("property", "stonith-enabeld=false", "--dry-run");
        assertTrue(typo.out().contains("does not list this among its cluster options"), typo.out());
    }

    /** The fence test with the plain tools (crmsh's spelling is the same: crm's node fence asks on a terminal). */
    @Test
    @Order(16)
    void aFenceTestRebootsTheNodeFromTheOtherAsPredictedAndItComesBack() throws Exception {
        fenceTest(node -> "stonith_admin --reboot " + node + " --timeout 180");
    }

    /**
     * docs/benchmarks.md: confirm to "done, as predicted" for the whole DHCP stack, moved back and
     * forth through ActionService (what the command line calls once the admin confirmed). A sampler
     * polls crm_mon on the target node to see when the stack actually runs there.
     */
    @Test
    @Order(6)
    @Tag("bench")
    void moveBenchmark() throws Exception {
        int runs = Integer.getInteger("clusterdeck.actionBenchRuns", 6);
        SshOptions options = new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))),
                Path.of(env.get("LAB_KNOWN_HOSTS")), false, Duration.ofSeconds(3));
        StringBuilder sb = new StringBuilder("action benchmark: move g_dhcp, " + runs + " runs; ms from confirm:"
                + " landed (crm_mon on the target shows the stack), done, waits (crm_resource --wait, each), overhead\n");
        List<Long> overheads = new ArrayList<>();
        try (SshRunner node = new SshRunner(SshTarget.parse(host("node1"), "root"), options);
                AuditLog audit = new AuditLog(dataDir)) {
            ActionService service = new ActionService(new NodeConnection(node), audit, SETTLE);
            for (int i = 0; i < runs; i++) {
                String to = lab.other(view().serviceNode());
                ActionPlan plan = service.plan(new ClusterAction.Move("g_dhcp", to, null, false, false));
                long[] landed = {-1};
                long t0 = System.nanoTime();
                Thread sampler = new Thread(() -> {
                    while (landed[0] < 0 && !Thread.currentThread().isInterrupted()) {
                        ClusterView v = lab.clusterSeenFrom(to);
                        if (v != null && to.equals(v.serviceNode())) {
                            landed[0] = (System.nanoTime() - t0) / 1_000_000;
                        }
                    }
                });
                sampler.start();
                ActionOutcome o = service.apply(plan, "benchmark");
                sampler.join(10_000);
                sampler.interrupt();
                assertTrue(o.asPredicted(), o.message());
                List<Long> waits = o.commands().stream().filter(c -> c.command().startsWith("crm_resource --wait"))
                        .map(c -> c.durationMs()).toList();
                long overhead = o.overheadMillis();
                overheads.add(overhead);
                sb.append(landed[0]).append(' ').append(o.totalMillis()).append(' ').append(waits).append(' ')
                        .append(overhead).append('\n');
            }
        }
        overheads.sort(null);
        sb.append("median overhead ").append(overheads.get(overheads.size() / 2)).append(" ms, max ")
                .append(overheads.get(overheads.size() - 1)).append(" ms\n");
        System.out.print(sb);
        Files.writeString(Path.of("target", "action-benchmark.txt"), sb.toString());
        assertTrue(overheads.get(overheads.size() / 2) <= 1000, sb.toString());
        assertEquals(0, cliConstraints());
    }
}
