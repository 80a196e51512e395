package org.clusterdeck.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterProfileStoreTest {
    @TempDir
    Path dir;

    private static final ClusterProfile LAB = new ClusterProfile("lab", List.of("10.99.0.11", "admin@10.99.0.12:2222"),
            "root", "/home/a/.ssh/id_ed25519", null, "jump@bastion.example");

    @Test
    void savedProfilesReadBackAndTheFileIsPlainJsonWithoutSecrets() throws Exception {
        ClusterProfileStore store = new ClusterProfileStore(dir.resolve("sub/clusters.json"));
        ClusterProfile other = new ClusterProfile("dhcp", List.of("[fe80::1]:22"), "root", null, "/k", null);
        store.save(List.of(LAB, other));

        assertEquals(List.of(LAB, other), store.load());
        JsonNode json = new ObjectMapper().readTree(Files.readString(store.file()));
        JsonNode first = json.get("clusters").get(0);
        assertEquals(List.of("name", "hosts", "user", "identityFile", "knownHosts", "jumpHost"),
                names(first.fieldNames()));
        assertTrue(first.get("knownHosts").isNull());
        // nothing is left behind by the write-then-rename
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertEquals(List.of("clusters.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void saveReplacesTheWholeList() throws Exception {
        ClusterProfileStore store = new ClusterProfileStore(dir.resolve("clusters.json"));
        store.save(List.of(LAB));
        store.save(List.of());
        assertEquals(List.of(), store.load());
    }

    @Test
    void noFileMeansNoClusters() throws Exception {
        assertEquals(List.of(), new ClusterProfileStore(dir.resolve("none.json")).load());
    }

    @Test
    void corruptFileIsReportedWithFileAndLine() throws Exception {
        Path f = dir.resolve("clusters.json");
        Files.writeString(f, "{\"clusters\": [\n  {\"name\": \"lab\",\n   \"hosts\": [\"a\"\n}");
        var e = assertThrows(ClusterProfileStore.ProfileStoreException.class, () -> new ClusterProfileStore(f).load());
        assertTrue(e.getMessage().startsWith(f + ": not a valid cluster list at line 4"), e.getMessage());
    }

    @Test
    void emptyAndWrongShapedFilesAreReportedNotTreatedAsNoClusters() throws Exception {
        Path f = dir.resolve("clusters.json");
        Files.writeString(f, "");
        assertTrue(assertThrows(ClusterProfileStore.ProfileStoreException.class,
                () -> new ClusterProfileStore(f).load()).getMessage().contains("empty file"));
        Files.writeString(f, "{\"version\": 2}");
        assertTrue(assertThrows(ClusterProfileStore.ProfileStoreException.class,
                () -> new ClusterProfileStore(f).load()).getMessage().contains("no \"clusters\" list"));
    }

    @Test
    void fieldsOfANewerVersionAreIgnored() throws Exception {
        Path f = dir.resolve("clusters.json");
        Files.writeString(f, "{\"clusters\": [{\"name\": \"x\", \"hosts\": [\"n1\"], \"user\": \"root\", \"colour\": \"red\"}],"
                + " \"theme\": \"DARK\"}");
        assertEquals(List.of(new ClusterProfile("x", List.of("n1"), "root", null, null, null)),
                new ClusterProfileStore(f).load());
    }

    @Test
    void configDirectoryFollowsXdgAndIgnoresARelativeValue() {
        assertEquals(Path.of("/cfg/clusterdeck"),
                ClusterProfileStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/cfg"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/clusterdeck"),
                ClusterProfileStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "rel"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/clusterdeck"), ClusterProfileStore.defaultDirectory(Map.of(), "/home/u"));
    }

    @Test
    void testsNeverTouchTheRealConfigDirectory() {
        // set by the pom's surefire configuration
        assertTrue(ClusterProfileStore.defaultDirectory().toString().contains("target"),
                ClusterProfileStore.defaultDirectory().toString());
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
