package org.clusterdeck.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.offline.CibSnapshot;
import org.clusterdeck.bench.GeneratedCib;
import org.clusterdeck.cluster.graph.layout.GraphLayout;
import org.clusterdeck.cluster.graph.layout.NodeBox;
import org.clusterdeck.cluster.graph.layout.Point;
import org.clusterdeck.ui.Background;
import org.clusterdeck.ui.ScriptedDialogs;
import org.clusterdeck.ui.Snapshots;
import org.clusterdeck.ui.UiLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph view model on real CIBs and real crm_mon output, without a window. */
class GraphViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path PM = Corpus.path("pacemaker/cib/promoted-move.xml");
    private static final Path PM_MON = Corpus.path("pacemaker/crm_mon/promoted-move.xml");

    private final UiLoop ui = new UiLoop();
    private final Background background = new Background(ui);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final GraphViewModel vm = new GraphViewModel(background, dialogs);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        background.close();
    }

    private GraphLayout show(CibSnapshot s) {
        vm.update(s.status(), s.cib());
        ui.runUntil(() -> !vm.layingOutProperty().get(), WAIT);
        return vm.layoutProperty().get();
    }

    @Test
    void layoutIsMadeOffTheUiThreadAndBoxesAreColouredByCrmMonsState() {
        CibSnapshot s = Snapshots.read(PM);
        vm.update(s.status(), s.cib());
        // nothing laid out on the caller's (UI) thread: the result arrives through the UI loop
        assertNull(vm.layoutProperty().get());
        assertTrue(vm.layingOutProperty().get());
        ui.runUntil(() -> vm.layoutProperty().get() != null, WAIT);

        Map<String, ResourceState.Summary> states = vm.states();
        for (String failed : Snapshots.xpath(PM_MON, "//resources//resource[@failed='true']/@id")) {
            assertEquals(ResourceState.FAILED, states.get(ResourceState.configuredId(failed)).state(), failed);
        }
        for (String promoted : Snapshots.xpath(PM_MON, "//resources//resource[@role='Promoted' and @failed='false']/@id")) {
            assertEquals(ResourceState.PROMOTED, states.get(promoted).state(), promoted);
        }
        for (String stopped : Snapshots.xpath(PM_MON, "//resources//resource[@role='Stopped']/@id")) {
            assertEquals(ResourceState.STOPPED, states.get(stopped).state(), stopped);
        }
        // the boxes handed to the drawing have exactly the states' colours and nodes
        states.forEach((id, st) -> {
            var box = vm.boxStatesProperty().get().get(id);
            assertEquals(st.state().box().fill(), box.fill(), id);
            assertEquals(st.state().box().border(), box.border(), id);
            assertEquals(st.nodes().isEmpty() ? null : String.join(", ", st.nodes()), box.where(), id);
        });
        assertEquals(Snapshots.xpath(PM_MON, "//resources//resource[@id='prmDRBD' and @active='true']/node/@name")
                .stream().sorted().toList(), states.get("prmDRBD").nodes());
    }

    @Test
    void aStatusUpdateRecoloursWithoutMovingAnyBox() {
        GraphLayout first = show(Snapshots.read(PM));
        assertEquals(ResourceState.FAILED, vm.states().get("dummy01").state());

        // the same configuration after crm_simulate fails a node: only the status section differs
        Path after = dir.resolve("after.xml");
        Snapshots.run(List.of("crm_simulate", "-x", PM.toString(), "-S", "-Q", "-O", after.toString(),
                "--node-fail", "bl460g1n13"), null);
        Path mon = dir.resolve("after-mon.xml");
        Snapshots.run(List.of("crm_mon", "--output-as=xml", "-1", "--inactive"), after.toString(), mon);
        CibSnapshot next = Snapshots.read(after);
        assertFalse(next.cib().equals(Snapshots.read(PM).cib()), "the simulated CIB must differ");

        vm.update(next.status(), next.cib());
        ui.runUntil(() -> !vm.layingOutProperty().get(), WAIT);

        assertSame(first, vm.layoutProperty().get());
        assertEquals(1, vm.layoutsDoneProperty().get());
        boolean failedNow = Snapshots.xpath(mon, "//resources//resource[@id='dummy01']/@failed").contains("true");
        assertFalse(failedNow);
        assertEquals(ResourceState.STARTED, vm.states().get("dummy01").state());
    }

    @Test
    void aChangedConfigurationIsLaidOutAgain() throws Exception {
        Path cib = dir.resolve("cib.xml");
        Files.copy(PM, cib);
        GraphLayout first = show(Snapshots.read(cib));
        Snapshots.run(List.of("cibadmin", "-C", "-o", "resources", "-X",
                "<primitive id=\"p_added\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>"), cib.toString());

        GraphLayout second = show(Snapshots.read(cib));
        assertEquals(2, vm.layoutsDoneProperty().get());
        assertTrue(second.box("p_added").isPresent());
        assertFalse(first.box("p_added").isPresent());
    }

    @Test
    void searchSelectsTheBestMatchAndCentresIt() {
        show(Snapshots.read(PM));
        vm.searchTextProperty().set("DUMMY0");
        List<String> expected = Snapshots.xpath(PM, "//configuration/resources//*[self::primitive or self::group"
                + " or self::clone or self::master or self::bundle][contains(@id,'dummy0')]/@id").stream().sorted().toList();
        assertEquals(expected, vm.matches().stream().sorted().toList());
        assertEquals(vm.matches().get(0), vm.selectedIdProperty().get());
        assertCentred(vm.selectedIdProperty().get());

        vm.nextMatch();
        assertEquals(vm.matches().get(1), vm.selectedIdProperty().get());
        assertCentred(vm.matches().get(1));

        vm.searchTextProperty().set("prmDRBD");
        assertEquals("prmDRBD", vm.matches().get(0));
    }

    @Test
    void detailsShowTheConfigurationOfTheSelectedResource() {
        show(Snapshots.read(PM));
        vm.selectedIdProperty().set("prmDRBD");
        ResourceDetails d = vm.detailsProperty().get();
        String p = "//primitive[@id='prmDRBD']";
        assertEquals(Snapshots.xpath(PM, p + "/instance_attributes/nvpair/@name"), names(d, "Parameters"));
        assertEquals(Snapshots.xpath(PM, p + "/instance_attributes/nvpair/@value"), values(d, "Parameters"));
        assertEquals(Snapshots.xpath(PM, p + "/operations/op/@name"), names(d, "Operations"));
        assertEquals(Snapshots.xpath(PM, "//rsc_location[@rsc='prmDRBD']/@id"), names(d, "Location constraints"));
        assertEquals("ocf:linbit:drbd", d.section("Resource").entries().stream()
                .filter(e -> e.name().equals("agent")).findFirst().orElseThrow().value());
        assertEquals(List.of("Promoted", "Unpromoted"), Arrays.asList(d.section("Status").entries().stream()
                .filter(e -> e.name().equals("role")).findFirst().orElseThrow().value().split(", ")));

        String clone = Snapshots.xpath(PM, "//clone[primitive/@id='prmDRBD']/@id").get(0);
        vm.selectedIdProperty().set(clone);
        assertEquals(Snapshots.xpath(PM, "//rsc_location[@rsc='" + clone + "']/@id"),
                names(vm.detailsProperty().get(), "Location constraints"));
        assertEquals(Snapshots.xpath(PM, "//clone[@id='" + clone + "']/meta_attributes/nvpair/@name"),
                names(vm.detailsProperty().get(), "Meta attributes"));
    }

    @Test
    void clickingFindsTheInnermostBoxAndZoomKeepsThePointUnderTheMouse() {
        GraphLayout l = show(Snapshots.read(PM));
        vm.viewportWidthProperty().set(900);
        vm.viewportHeightProperty().set(600);
        vm.fit();
        NodeBox member = l.box("prmDRBD").orElseThrow();
        NodeBox clone = l.boxes().stream().filter(b -> b.id().equals(member.resource().parent())).findFirst().orElseThrow();
        assertEquals("prmDRBD", vm.resourceAt(toView(member.center()).x(), toView(member.center()).y()).orElseThrow());
        Point title = toView(new Point(clone.x() + 4, clone.y() + 4));
        assertEquals(clone.id(), vm.resourceAt(title.x(), title.y()).orElseThrow());
        assertTrue(vm.resourceAt(-50, -50).isEmpty());

        Point before = toView(member.center());
        vm.zoomAt(1.7, before.x(), before.y());
        Point afterZoom = toView(member.center());
        assertEquals(before.x(), afterZoom.x(), 1e-6);
        assertEquals(before.y(), afterZoom.y(), 1e-6);
        vm.panBy(30, -10);
        assertEquals(before.x() + 30, toView(member.center()).x(), 1e-6);
    }

    @Test
    void fitShowsTheWholeGraph() {
        GraphLayout l = show(Snapshots.read(Corpus.path("pcs/pcs-cib-large.xml")));
        vm.viewportWidthProperty().set(1000);
        vm.viewportHeightProperty().set(650);
        vm.zoomAt(3, 0, 0);
        vm.fit();
        Point topLeft = toView(new Point(0, 0));
        Point bottomRight = toView(new Point(l.width(), l.height()));
        assertTrue(topLeft.x() >= -1e-6 && topLeft.y() >= -1e-6, topLeft.toString());
        assertTrue(bottomRight.x() <= 1000 + 1e-6 && bottomRight.y() <= 650 + 1e-6, bottomRight.toString());
    }

    @Test
    void exportWritesWhatIsShownThroughTheSharedRenderers() throws Exception {
        show(Snapshots.read(PM));
        Path png = dir.resolve("g.png");
        Path svg = dir.resolve("g.svg");
        dialogs.exportFiles.add(png);
        vm.export("png");
        ui.runUntil(() -> vm.messageProperty().get().equals("Exported " + png), WAIT);
        dialogs.exportFiles.add(svg);
        vm.export("svg");
        ui.runUntil(() -> vm.messageProperty().get().equals("Exported " + svg), WAIT);

        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals(List.of(0x89, (int) 'P', (int) 'N', (int) 'G'),
                List.of(head[0] & 0xff, (int) head[1], (int) head[2], (int) head[3]));
        String text = Files.readString(svg);
        // the failed resource's box carries the failed colour in the exported drawing
        assertTrue(text.contains("fill=\"" + ResourceState.FAILED.box().fill() + "\""), "no failed colour in SVG");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /**
     * The 1,000-resource generated CIB: the layout runs in the background, and a status update
     * afterwards recolours within the 100 ms budget without a new layout.
     */
    @Test
    void aThousandResourcesLayOutInTheBackgroundAndRecolourQuickly() throws Exception {
        Path cib = dir.resolve("gen.xml");
        Files.writeString(cib, GeneratedCib.xml(1000));
        CibSnapshot s = Snapshots.read(cib);
        GraphLayout l = show(s);
        assertEquals(s.cib().allResources().size(), l.boxes().size());

        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            vm.update(s.status(), s.cib());
            times[i] = System.nanoTime() - t0;
        }
        ui.drain(Duration.ofMillis(200));
        Arrays.sort(times);
        assertTrue(times[times.length / 2] < 100_000_000L, "median status update " + times[times.length / 2] / 1e6 + " ms");
        assertEquals(1, vm.layoutsDoneProperty().get());
        assertEquals(s.cib().allResources().stream().map(r -> r.id()).collect(Collectors.toSet()),
                vm.states().keySet().stream().filter(id -> l.box(id).isPresent()).collect(Collectors.toSet()));
    }

    private void assertCentred(String id) {
        Point c = toView(vm.layoutProperty().get().box(id).orElseThrow().center());
        assertEquals(vm.viewportWidthProperty().get() / 2, c.x(), 1e-6);
        assertEquals(vm.viewportHeightProperty().get() / 2, c.y(), 1e-6);
        assertTrue(vm.scaleProperty().get() >= 0.8);
    }

    private Point toView(Point graph) {
        return new Point(graph.x() * vm.scaleProperty().get() + vm.offsetXProperty().get(),
                graph.y() * vm.scaleProperty().get() + vm.offsetYProperty().get());
    }

    private static List<String> names(ResourceDetails d, String section) {
        assertNotNull(d.section(section), section);
        return d.section(section).entries().stream().map(ResourceDetails.Entry::name).toList();
    }

    private static List<String> values(ResourceDetails d, String section) {
        return d.section(section).entries().stream().map(ResourceDetails.Entry::value).toList();
    }
}
