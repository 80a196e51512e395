package org.clusterdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.command.InvalidInputException;
import org.clusterdeck.cluster.command.NewPrimitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad names stop an action before any connection: exit 2 and one line naming the rule. */
class ActionCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(touch /tmp/x)", "a;b", "`id`", "-rf", "a b"})
    void hostileResourceNamesAreUsageErrors(String name) {
        // 192.0.2.1 (TEST-NET) would time out: the quick exit proves nothing connected
        Run r = cli("move", "--host", "192.0.2.1", "--dry-run", "--", name, "node1");
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("clusterdeck: resource id '"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "=x", "a;b=1", "cluster-name=a\nb"})
    void badPropertyAssignmentsAreUsageErrors(String assignment) {
        Run r = cli("property", "--host", "192.0.2.1", "--", assignment);
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("clusterdeck: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"move", "clear", "ban", "start", "stop", "cleanup", "standby", "online", "maintenance", "property",
            "manage", "unmanage", "promote", "demote", "evacuate", "constraint remove", "constraint add location"})
    void everyActionNeedsAHost(String action) {
        List<String> args = new ArrayList<>(List.of(action.split(" ")));
        args.addAll(List.of("x", "y"));
        Run r = cli(args.toArray(String[]::new));
        assertEquals(Cli.USAGE, r.code());
        assertTrue(r.err().contains("--host"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"constraint", "constraint add"})
    void aCommandGroupWithoutItsSubcommandIsAUsageErrorNamingThem(String group) {
        Run r = cli(group.split(" "));
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("clusterdeck: expected one of: "), r.err());
    }

    @Test
    void aNewResourcesNamesValuesAndOperationsAreCheckedBeforeAnyConnection() {
        Run agent = cli("resource", "create", "p_x", "ocf:heartbeat:$(id)", "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, agent.code(), agent.err());
        assertTrue(agent.err().startsWith("clusterdeck: agent type '$(id)' is not allowed"), agent.err());
        Run pair = cli("resource", "create", "p_x", "ocf:pacemaker:Dummy", "fake", "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, pair.code(), pair.err());
        assertTrue(pair.err().startsWith("clusterdeck: parameter 'fake' is not allowed: expected NAME=VALUE"), pair.err());
        Run op = cli("resource", "create", "p_x", "ocf:pacemaker:Dummy", "--op", "monitor:interval=often", "--host",
                "192.0.2.1");
        assertEquals(Cli.USAGE, op.code(), op.err());
        assertTrue(op.err().startsWith("clusterdeck: interval of monitor 'often' is not allowed"), op.err());
        Run place = cli("resource", "create", "p_x", "ocf:pacemaker:Dummy", "--before", "p_vip", "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, place.code(), place.err());
        assertTrue(place.err().contains("a position is one in a group: give the group"), place.err());
    }

    @Test
    void anOperationsSettingsBeyondIntervalTimeoutAndRoleAreWrittenAsGiven() {
        assertEquals(new NewPrimitive.Op("monitor", "10s", "Promoted", "20s", Map.of("on-fail", "block", "enabled", "false")),
                ActionCommands.operation("monitor:interval=10s,on-fail=block,role=Promoted,timeout=20s,enabled=false"));
        assertEquals(new NewPrimitive.Op("start", "0s", null, "90s"), ActionCommands.operation("start:timeout=90s"));
        InvalidInputException hostile = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> ActionCommands.operation("monitor:interval=10s,on-fail;reboot=block"));
        assertTrue(hostile.getMessage().contains("on-fail"), hostile.getMessage());
    }

    @Test
    void anEditIsCheckedBeforeAnyConnection() {
        Run nothing = cli("resource", "update", "p_vip", "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, nothing.code(), nothing.err());
        assertTrue(nothing.err().startsWith("clusterdeck: change '' is not allowed: nothing to change"), nothing.err());
        Run newline = cli("resource", "update", "p_vip", "--meta", "target-role=Stopped\nx", "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, newline.code(), newline.err());
        assertTrue(newline.err().contains("control character"), newline.err());
    }

    @Test
    void aFencingDeviceIsMadeOfAFenceAgentAndItsSecretComesOnStandardInputOnly() {
        Run agent = cli("stonith", "create", "st_x", "ocf:heartbeat:IPaddr2", "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, agent.code(), agent.err());
        assertTrue(agent.err().contains("a fencing device's agent is a stonith one"), agent.err());
        Run twice = cli("stonith", "create", "st_x", "fence_ipmilan", "password=x", "--secret", "password", "--host",
                "192.0.2.1");
        assertEquals(Cli.USAGE, twice.code(), twice.err());
        assertTrue(twice.err().contains("give it with --secret or as NAME=VALUE, not both"), twice.err());
    }

    @Test
    void constraintValuesAreCheckedBeforeAnyConnection() {
        Run score = cli("constraint", "add", "location", "l1", "g_dhcp", "node1", "--score", "$(id)",
                "--host", "192.0.2.1");
        assertEquals(Cli.USAGE, score.code(), score.err());
        assertTrue(score.err().startsWith("clusterdeck: score '$(id)'"), score.err());
        Run id = cli("constraint", "remove", "--host", "192.0.2.1", "--", "-x");
        assertEquals(Cli.USAGE, id.code(), id.err());
        assertTrue(id.err().startsWith("clusterdeck: constraint id '-x'"), id.err());
    }
}
