package org.clusterdeck.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.BuildInfo;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.clusterdeck.app.offline.CibFileReader;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ScriptedDialogs;
import org.clusterdeck.ui.ScriptedWatcher;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.Theme;
import org.clusterdeck.ui.UiLoop;
import org.clusterdeck.ui.clusters.ClusterViewModel;
import org.clusterdeck.ui.clusters.Health;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ClusterProfile LAB = new ClusterProfile("lab", List.of("10.99.0.11", "10.99.0.12"), "root",
            null, null, null);

    @TempDir
    Path dir;

    private final UiLoop ui = new UiLoop();
    private final Background background = new Background(ui);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedWatcher watcher = new ScriptedWatcher();
    private ClusterProfileStore store;
    private MainViewModel vm;

    private MainViewModel start() {
        store = new ClusterProfileStore(dir.resolve("clusters.json"));
        vm = new MainViewModel(background, dialogs, store, new CibFileReader(), watcher);
        return vm;
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void theAboutBoxNamesTheBuildsVersionAndTheRuntime() {
        start().about();
        assertEquals(1, dialogs.informations.size());
        String about = dialogs.informations.get(0);
        assertTrue(about.startsWith("About ClusterDeck: ClusterDeck " + BuildInfo.version() + "\n"), about);
        assertTrue(about.contains("Java " + System.getProperty("java.runtime.version")), about);
        assertTrue(about.contains("Runtime: " + System.getProperty("java.home")), about);
    }

    @Test
    void anAddedClusterIsSelectedAndSavedAndComesBackNextTime() throws Exception {
        start();
        dialogs.profiles.add(Optional.of(LAB));
        vm.addCluster();
        assertEquals("lab", vm.selectedProperty().get().nameProperty().get());
        assertEquals("10.99.0.11, 10.99.0.12", vm.selectedProperty().get().sourceProperty().get());
        ui.runUntil(() -> vm.statusLineProperty().get().startsWith("Saved"), WAIT);
        assertEquals(List.of(LAB), store.load());

        MainViewModel again = new MainViewModel(background, dialogs, store, new CibFileReader(), watcher);
        again.loadProfiles();
        ui.runUntil(() -> !again.clusters().isEmpty(), WAIT);
        assertEquals(LAB, again.selectedProperty().get().profileProperty().get());
        assertEquals(Health.UNKNOWN, again.selectedProperty().get().healthProperty().get());
    }

    /** The wizard opens beside the window; the cluster it built replaces a saved one of its name and is watched. */
    @Test
    void theClusterTheWizardBuiltIsSavedSelectedWatchedAndShownAsAGraph() throws Exception {
        start();
        vm.newClusterFromBareNodes();
        assertTrue(dialogs.wizardsShown.isEmpty(), "no wizard without its seam");
        List<java.util.function.Consumer<ClusterProfile>> opened = new java.util.ArrayList<>();
        vm.useSetupWizards(built -> {
            opened.add(built);
            return null;
        });
        vm.newClusterFromBareNodes();
        assertEquals(1, dialogs.wizardsShown.size());

        dialogs.profiles.add(Optional.of(new ClusterProfile("vmlab", List.of("10.0.0.1"), "root", null, null, null)));
        vm.addCluster();
        ui.runUntil(() -> vm.statusLineProperty().get().startsWith("Saved"), WAIT);
        ClusterProfile built = new ClusterProfile("vmlab", List.of("root@127.0.0.1:22611", "root@127.0.0.1:22612"), "root",
                "/lab/key", "/lab/known_hosts", null);
        opened.get(0).accept(built);
        assertEquals(1, vm.clusters().size(), "the built cluster replaces the saved one of its name");
        ClusterViewModel c = vm.selectedProperty().get();
        assertEquals(built, c.profileProperty().get());
        assertEquals(ClusterViewModel.Tab.GRAPH, c.tabProperty().get());
        ui.runUntil(() -> watcher.watches.stream().anyMatch(w -> w.profile.equals(built)), WAIT);
        ui.runUntil(() -> {
            try {
                return store.load().equals(List.of(built));
            } catch (ClusterProfileStore.ProfileStoreException e) {
                return false;
            }
        }, WAIT);
    }

    @Test
    void cancellingTheDialogAddsNothing() {
        start();
        vm.addCluster();
        assertTrue(vm.clusters().isEmpty());
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void editingReplacesTheProfileAndRemovingAsksFirst() throws Exception {
        start();
        dialogs.profiles.add(Optional.of(LAB));
        vm.addCluster();
        ClusterProfile renamed = new ClusterProfile("lab2", LAB.hosts(), "admin", "/k", null, null);
        dialogs.profiles.add(Optional.of(renamed));
        vm.editSelected();
        assertEquals("lab2", vm.selectedProperty().get().nameProperty().get());
        ui.runUntil(() -> loads(renamed), WAIT);

        dialogs.confirmAnswer = false;
        vm.removeSelected();
        assertEquals(1, vm.clusters().size());
        dialogs.confirmAnswer = true;
        vm.removeSelected();
        assertTrue(dialogs.confirmations.get(1).contains("The cluster itself is not touched"));
        assertTrue(vm.clusters().isEmpty());
        assertNull(vm.selectedProperty().get());
        ui.runUntil(() -> loadsNothing(), WAIT);
    }

    @Test
    void aCorruptProfileFileIsReportedAndNotOverwrittenOnStart() throws Exception {
        start();
        Files.writeString(store.file(), "{\"clusters\": [");
        vm.loadProfiles();
        ui.runUntil(() -> !dialogs.errors.isEmpty(), WAIT);
        assertTrue(dialogs.errors.get(0).contains(store.file().toString()), dialogs.errors.get(0));
        assertEquals("{\"clusters\": [", Files.readString(store.file()));
    }

    @Test
    void anOpenedCibFileBecomesAClusterWithOverviewAndGraph() {
        start();
        Path cib = Corpus.path("pacemaker/cib/promoted-move.xml");
        dialogs.cibFiles.add(cib);
        vm.openCibFile();
        ui.runUntil(() -> !vm.clusters().isEmpty(), WAIT);
        ClusterViewModel c = vm.selectedProperty().get();
        assertTrue(c.isFile());
        assertEquals("promoted-move.xml", c.nameProperty().get());
        assertEquals(Snapshots.xpath(cib, "//configuration/nodes/node/@uname"),
                c.overview().nodes().stream().map(n -> n.name()).toList());
        assertEquals(Health.CRITICAL, c.healthProperty().get());
        ui.runUntil(() -> c.graph().layoutProperty().get() != null, WAIT);

        // a file is not a saved cluster: closing it writes nothing
        vm.removeSelected();
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aFileThatIsNotACibIsReportedWithItsName() throws Exception {
        start();
        Path bad = dir.resolve("notes.xml");
        Files.writeString(bad, "<notes><cib/></notes>");
        vm.openCibFile(bad);
        ui.runUntil(() -> !dialogs.errors.isEmpty(), WAIT);
        assertTrue(dialogs.errors.get(0).contains(bad.toString()), dialogs.errors.get(0));
        assertTrue(vm.clusters().isEmpty());
    }

    @Test
    void themeToggles() {
        start();
        assertSame(Theme.LIGHT, vm.themeProperty().get());
        vm.toggleTheme();
        assertSame(Theme.DARK, vm.themeProperty().get());
    }

    private boolean loads(ClusterProfile p) {
        try {
            return store.load().equals(List.of(p));
        } catch (Exception e) {
            return false;
        }
    }

    private boolean loadsNothing() {
        try {
            return store.load().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * An action confirmed in a console that was killed before it ended: the next window says so,
     * naming it, until the admin marks it checked, which the audit log records.
     */
    @Test
    void anUnfinishedActionInTheAuditLogIsShownUntilMarkedChecked() throws Exception {
        Path auditDir = Files.createDirectories(dir.resolve("audit"));
        Files.writeString(auditDir.resolve(AuditLog.FILE_NAME), confirmed("a1", "move g_dhcp to node2"));
        try (AuditLog audit = new AuditLog(auditDir)) {
            start().watchAudit(audit, ui);
            ui.runUntil(() -> !vm.unfinishedActionsProperty().get().isEmpty(), WAIT);
            String text = vm.unfinishedActionsProperty().get();
            assertTrue(text.startsWith("An action was left unfinished: ClusterDeck stopped while applying it.\n"
                    + "  move g_dhcp to node2 on node1, confirmed 2026-12-07T10:00:00.000Z\n"), text);

            vm.acknowledgeUnfinished();
            assertEquals("", vm.unfinishedActionsProperty().get());
            ui.runUntil(() -> {
                try {
                    return Files.readString(audit.file()).contains("\"step\":\"acknowledged\"");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, WAIT);
        }
        // a later console, killed in another action: only that one is shown next time
        Files.writeString(auditDir.resolve(AuditLog.FILE_NAME), confirmed("a2", "stop p_dhcpd"), StandardOpenOption.APPEND);
        MainViewModel again = new MainViewModel(background, dialogs, store, new CibFileReader(), watcher);
        try (AuditLog audit = new AuditLog(auditDir)) {
            again.watchAudit(audit, ui);
            ui.runUntil(() -> !again.unfinishedActionsProperty().get().isEmpty(), WAIT);
            String text = again.unfinishedActionsProperty().get();
            assertTrue(text.contains("  stop p_dhcpd on node1, confirmed") && !text.contains("move g_dhcp"), text);
        }
    }

    /** An action's confirmation line as ActionAuditRecord writes it (ActionServiceAuditTest reads real ones back). */
    private static String confirmed(String actionId, String description) {
        return "{\"time\":\"2026-12-07T10:00:00.000Z\",\"type\":\"action\",\"actionId\":\"" + actionId + "\",\"step\":"
                + "\"confirmed\",\"node\":\"node1\",\"description\":\"" + description + "\",\"confirmation\":\"window\","
                + "\"plan\":null,\"stagedOnCopy\":null,\"outcome\":null}\n";
    }
}
