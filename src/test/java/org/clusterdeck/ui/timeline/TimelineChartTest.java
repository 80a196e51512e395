package org.clusterdeck.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.EventType;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.ui.HoverText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline's ticks when a failover moves hundreds of resources at once: one tick per lane and
 * tick width, and no tooltip made until a tick is hovered (a JFR recording of the window on a
 * 1,000-resource lab found tooltips made per tick and per table cell holding the FX thread ~1 s).
 */
@ExtendWith(ApplicationExtension.class)
class TimelineChartTest {
    private static final Instant T0 = Instant.parse("2026-12-07T17:00:00Z");

    private final TimelineViewModel vm = new TimelineViewModel();
    private TimelineChart chart;

    @Start
    void start(Stage stage) {
        chart = new TimelineChart(vm, f -> { });
        stage.setScene(new Scene(chart, 1000, 300));
        stage.show();
    }

    private static ClusterEvent started(Instant at, String id) {
        return ClusterEvent.of(at, EventType.RESOURCE_STARTED, Severity.INFO).resource(id).node("node2")
                .message(id + " started on node2");
    }

    @Test
    void aThousandEventsWithinASecondAreOneTickThatSaysHowManyWhenHovered() throws Exception {
        List<ClusterEvent> burst = new ArrayList<>();
        burst.add(ClusterEvent.of(T0, EventType.NODE_LOST, Severity.CRITICAL).node("node1").message("node1 lost"));
        for (int i = 1; i <= 1000; i++) {
            burst.add(started(T0.plusSeconds(60).plusMillis(i), String.format("d%04d", i)));
        }
        burst.add(ClusterEvent.of(T0.plusSeconds(61), EventType.RESOURCE_FAILED, Severity.CRITICAL).resource("d0007")
                .node("node2").message("d0007 failed on node2"));
        burst.add(started(T0.plusSeconds(600), "d0001"));
        onFx(() -> {
            burst.forEach(vm::accept);
            return null;
        });
        List<Node> ticks = onFx(() -> {
            chart.applyCss();
            chart.layout();
            return chart.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("timeline-tick"))
                    .toList();
        });
        // the node lost, the burst with the failure in it, the start ten minutes later
        assertEquals(3, ticks.size(), ticks.toString());
        Node burstTick = ticks.get(1);
        assertTrue(burstTick.getStyleClass().contains("tick-critical"), "the failure colours its tick");
        assertTrue(ticks.stream().allMatch(t -> tooltip(t) == null), "tooltips made before anything was hovered");

        String text = onFx(() -> {
            Event.fireEvent(burstTick, new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, null, 0, false, false,
                    false, false, false, false, false, false, false, false, null));
            return tooltip(burstTick).getText();
        });
        assertTrue(text.startsWith("1001 events from "), text);
        assertTrue(text.contains("d0001 started on node2") && text.endsWith("and 993 more: the events table lists them all"),
                text);
    }

    @Test
    void aCellKeepsItsOneTooltipAsItsTextChanges() throws Exception {
        Label cell = new Label();
        Tooltip first = onFx(() -> {
            HoverText.cell(cell, "node1");
            return cell.getTooltip();
        });
        Tooltip second = onFx(() -> {
            HoverText.cell(cell, "node2");
            return cell.getTooltip();
        });
        assertSame(first, second);
        assertEquals("node2", second.getText());
        assertEquals(null, onFx(() -> {
            HoverText.cell(cell, "");
            return cell.getTooltip();
        }));
        assertSame(first, onFx(() -> {
            HoverText.cell(cell, "node3");
            return cell.getTooltip();
        }));
    }

    private static Tooltip tooltip(Node n) {
        return n.getProperties().values().stream().filter(Tooltip.class::isInstance).map(Tooltip.class::cast)
                .findFirst().orElse(null);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
