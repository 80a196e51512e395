package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

class PacemakerExitCodeTest {

    /** The table matches what the installed Pacemaker's crm_error says, code by code. */
    @Test
    void tableMatchesCrmError() throws Exception {
        CommandResult r = new LocalProcessRunner().run(Command.of("crm_error", "-X", "-l", "-n"));
        assertEquals(0, r.exitCode(), r.stderr());
        Pattern line = Pattern.compile("\\s*(\\d+): CRM_EX_(\\S+)\\s+(.+)");
        List<String> fromTool = r.stdout().lines().map(line::matcher).filter(Matcher::matches)
                .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3).strip()).toList();
        List<String> ours = Arrays.stream(PacemakerExitCode.values())
                .map(c -> c.code() + " " + c.name() + " " + c.description()).toList();
        assertEquals(fromTool, ours);
    }

    @Test
    void describeGivesTextAndHint() {
        assertEquals("exit code 105 (No such object: the resource, node or constraint named does not exist)",
                PacemakerExitCode.describe(105));
        assertEquals("exit code 124 (Timeout occurred: the cluster did not answer in time; it may be busy or "
                + "partitioned)", PacemakerExitCode.describe(124));
        assertEquals("exit code 1 (Error occurred)", PacemakerExitCode.describe(1));
        assertEquals("exit code 250", PacemakerExitCode.describe(250));
        assertTrue(PacemakerExitCode.of(103).orElseThrow().hint().isPresent());
    }

    @Test
    void commandNotFoundOverSshIsExplained() {
        var e = new ClusterCommandException("vm1", "crm_mon -1", 127, List.of("bash: crm_mon: command not found"));
        assertEquals("vm1: 'crm_mon -1' failed with exit code 127 (command not found: is pacemaker-cli installed "
                + "on this node?): bash: crm_mon: command not found", e.getMessage());
    }

    @Test
    void crmMonCommands() {
        assertEquals(List.of("crm_mon", "-1", "--inactive", "--output-as=xml", "--fence-history=2"), CrmMon.status().argv());
        assertEquals(List.of("crm_mon", "-1", "--inactive", "--as-xml"), CrmMon.legacyStatus().argv());
    }
}
