package org.clusterdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditRecord;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against tests writing into a home directory, on a home of its own here: what
 * ActionLabTestBase did (clear clusterdeck.dataDir after its class, so the next command line
 * audited into the home) is reported, and a class that leaves the home alone is not.
 */
class HomeGuardTest {
    @TempDir
    Path home;

    @Test
    void aPropertyClearedAfterTheClassAndAnAuditLogInTheHomeAreReported() throws Exception {
        List<Path> watched = HomeGuard.watched(home.toString(), List.of(Map.of()));
        Map<String, String> properties = new HashMap<>(Map.of("clusterdeck.dataDir", "/build/test-data",
                "user.home", home.toString()));
        HomeGuard.Snapshot before = HomeGuard.take(watched, properties);

        // ActionLabTestBase's @AfterAll, then a later class's command line without the property
        properties.remove("clusterdeck.dataDir");
        try (AuditLog log = new AuditLog(AuditLog.defaultDirectory(Map.of(), home.toString()))) {
            log.append(record());
        }
        List<String> found = HomeGuard.differences(before, HomeGuard.take(watched, properties));

        assertEquals(List.of("property clusterdeck.dataDir was '/build/test-data', is unset",
                "created " + home.resolve(".local/share/clusterdeck/audit.log")), found);
    }

    @Test
    void savedClustersAndKnownHostsInTheHomeAreReportedChangedAndRemoved() throws Exception {
        Path config = home.resolve("xdg-config");
        List<Path> watched = HomeGuard.watched(home.toString(), List.of(Map.of("XDG_CONFIG_HOME", config.toString())));
        Path clusters = ClusterProfileStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", config.toString()),
                home.toString()).resolve(ClusterProfileStore.FILE_NAME);
        Path knownHosts = home.resolve(".ssh/known_hosts");
        Files.createDirectories(clusters.getParent());
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(clusters, "{\"clusters\": []}");
        Files.writeString(knownHosts, "node1 ssh-ed25519 AAAA\n");
        HomeGuard.Snapshot before = HomeGuard.take(watched, Map.of());

        Files.writeString(knownHosts, "node2 ssh-ed25519 BBBB\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(clusters);
        List<String> found = HomeGuard.differences(before, HomeGuard.take(watched, Map.of()));

        assertEquals(2, found.size(), found.toString());
        assertTrue(found.contains("removed " + clusters), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("changed " + knownHosts + " (")), found.toString());
    }

    @Test
    void aClassThatKeepsToItsOwnDirectoriesLeavesNothingToReport() throws Exception {
        List<Path> watched = HomeGuard.watched(home.toString(), List.of(Map.of()));
        Files.createDirectories(home.resolve(".local/share/clusterdeck"));
        Files.writeString(home.resolve(".local/share/clusterdeck/audit.log"), "an earlier run's line\n");
        Map<String, String> properties = Map.of("user.home", home.toString());
        HomeGuard.Snapshot before = HomeGuard.take(watched, properties);

        try (AuditLog log = new AuditLog(home.resolve("own-audit"))) {
            log.append(record());
        }
        Files.writeString(home.resolve("notes.txt"), "not ClusterDeck's");

        assertEquals(List.of(), HomeGuard.differences(before, HomeGuard.take(watched, properties)));
    }

    private static AuditRecord record() {
        Command command = Command.of("crm_mon", "-1");
        CommandResult result = new CommandResult("root@node1", command.argv(), 0, "", "", Duration.ofMillis(1));
        return AuditRecord.finished(Instant.now(), command, c -> c, result, Duration.ofMillis(1), false);
    }
}
