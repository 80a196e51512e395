package org.clusterdeck.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.Test;

class ClusterProfileTest {
    @Test
    void aCompleteProfileHasNoProblemsAndGivesItsTargets() {
        ClusterProfile p = new ClusterProfile("lab", List.of("10.99.0.11", "admin@[fe80::1]:2222"), "root", null, null,
                "bastion:2200");
        assertEquals(List.of(), p.problems());
        assertEquals(List.of(new SshTarget("root", "10.99.0.11", 22), new SshTarget("admin", "fe80::1", 2222)),
                p.targets());
    }

    @Test
    void eachProblemIsNamed() {
        ClusterProfile p = new ClusterProfile(" ", List.of("node1:99999", "a b"), "ro ot", null, null, "x@");
        List<String> problems = p.problems();
        assertTrue(problems.contains("The cluster needs a name."), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("Node address \"node1:99999\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("Node address \"a b\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("The user")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("Jump host \"x@\"")), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
    }

    @Test
    void noHostsIsAProblem() {
        assertEquals(List.of("Give at least one node address."),
                new ClusterProfile("c", List.of(), "root", null, null, null).problems());
    }
}
