package org.clusterdeck.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupJournalTest {
    @TempDir
    Path dir;

    @Test
    void anUnfinishedSetupIsKeptForTheOwnerAloneAndForgottenWhenDone() throws IOException {
        SetupJournal journal = new SetupJournal(dir.resolve("data"));
        assertEquals(Optional.empty(), journal.load(), "nothing unfinished yet");
        // the example fences with IPMI: its password is in the spec
        SetupSpec spec = SetupSpecReader.read(SetupSpecReader.example());
        ClusterProfile profile = new ClusterProfile("dhcp-cluster", List.of("192.168.122.11", "192.168.122.12"), "root",
                "/home/admin/.ssh/id_ed25519", null, "bastion.example");
        journal.save(SetupJournal.Entry.of("2026-12-06T20:00:00Z", profile, spec));

        SetupJournal.Entry back = new SetupJournal(dir.resolve("data")).load().orElseThrow();
        assertEquals(profile, back.profile());
        assertEquals(spec, back.setupSpec());
        assertEquals("2026-12-06T20:00:00Z", back.startedAt());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));

        journal.clear();
        assertEquals(Optional.empty(), journal.load());
        journal.clear();
    }

    @Test
    void aFileThatHoldsNoSetupIsAnErrorNamingIt() throws IOException {
        SetupJournal journal = new SetupJournal(dir);
        Files.writeString(journal.file(), "{\"startedAt\": \"x\"}");
        IOException none = assertThrows(IOException.class, journal::load);
        assertTrue(none.getMessage().startsWith(journal.file().toString()) && none.getMessage().contains("expected profile"),
                none.getMessage());
        Files.writeString(journal.file(), "{");
        IOException broken = assertThrows(IOException.class, journal::load);
        assertTrue(broken.getMessage().contains("not an unfinished setup"), broken.getMessage());
        Files.writeString(journal.file(), "{\"profile\": {\"name\": \"c\", \"hosts\": [\"a\"]}, \"spec\": \"cluster: c\\n\"}");
        IOException spec = assertThrows(IOException.class, journal::load);
        assertTrue(spec.getMessage().contains("its spec no longer reads"), spec.getMessage());
    }
}
