package org.clusterdeck.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.clusterdeck.cluster.events.ClusterEvent;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.ui.HoverText;

/**
 * The time axis: a lane per part of the cluster with a tick per event, coloured by severity,
 * and a band per failover across the lanes. Made of styled nodes rather than a canvas so the
 * themes colour it and every tick has a hover text. Only draws; clicks are handed to the owner.
 */
final class TimelineChart extends Region {
    static final double LABEL_WIDTH = 150;
    private static final double LANE_HEIGHT = 30;
    private static final double TOP = 22;
    private static final double AXIS_HEIGHT = 22;
    private static final double TICK_WIDTH = 6;
    /** Events a tick's hover text lists, and the length it cuts each line to. */
    private static final int LISTED = 8;
    private static final int LINE = 160;
    private static final Duration MIN_SPAN = Duration.ofMinutes(1);

    private final ObservableList<ClusterEvent> events;
    private final ObservableList<Failover> failovers;
    private final TimelineViewModel vm;
    private final Consumer<Failover> onPick;
    private boolean dirty = true;

    TimelineChart(TimelineViewModel vm, Consumer<Failover> onPick) {
        this.vm = vm;
        this.events = vm.events();
        this.failovers = vm.failovers();
        this.onPick = onPick;
        getStyleClass().add("timeline-chart");
        setFocusTraversable(true);
        setMinHeight(TOP + LANE_HEIGHT * Lane.values().length + AXIS_HEIGHT);
        setPrefHeight(getMinHeight());
        ListChangeListener<Object> redraw = c -> invalidate();
        events.addListener(redraw);
        failovers.addListener(redraw);
        vm.selectedProperty().addListener((o, was, now) -> invalidate());
        vm.eventsEmptyText().addListener((o, was, now) -> invalidate());
        widthProperty().addListener((o, was, now) -> invalidate());
    }

    private void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<javafx.scene.Node> nodes = new ArrayList<>();
        double width = getWidth();
        double lanesBottom = TOP + LANE_HEIGHT * Lane.values().length;
        for (Lane lane : Lane.values()) {
            Region bg = new Region();
            bg.getStyleClass().addAll("timeline-lane", lane.ordinal() % 2 == 0 ? "even" : "odd");
            bg.resizeRelocate(0, y(lane), width, LANE_HEIGHT);
            Label name = new Label(lane.title());
            name.getStyleClass().add("timeline-lane-title");
            name.resizeRelocate(8, y(lane), LABEL_WIDTH - 12, LANE_HEIGHT);
            nodes.add(bg);
            nodes.add(name);
        }
        if (events.isEmpty()) {
            // the events table's sentence: none yet, not connected, or a CIB file that has no history
            Label none = new Label(vm.eventsEmptyText().get());
            none.getStyleClass().add("hint");
            none.resizeRelocate(LABEL_WIDTH, TOP + 4, Math.max(0, width - LABEL_WIDTH - 8), LANE_HEIGHT);
            nodes.add(none);
            getChildren().setAll(nodes);
            return;
        }
        Instant from = events.get(0).time();
        Instant to = vm.latestProperty().get();
        for (Failover f : failovers) {
            if (f.start().isBefore(from)) {
                from = f.start();
            }
        }
        Duration span = Duration.between(from, to);
        if (span.compareTo(MIN_SPAN) < 0) {
            // a short history sits in the middle of a minute rather than squeezed to one side
            Duration pad = MIN_SPAN.minus(span).dividedBy(2);
            from = from.minus(pad);
            to = to.plus(pad);
            span = MIN_SPAN;
        }
        // a margin either side so ticks at the ends are not cut
        Instant start = from.minus(span.dividedBy(40));
        Instant end = to.plus(span.dividedBy(40));
        Axis axis = new Axis(start, end, LABEL_WIDTH, width - 10);

        for (Failover f : failovers) {
            double x0 = axis.x(f.start());
            double x1 = axis.x(f.open() ? vm.latestProperty().get() : f.end());
            Region band = new Region();
            band.getStyleClass().add("failover-band");
            if (f.open()) {
                band.getStyleClass().add("open");
            }
            if (f.equals(vm.selectedProperty().get())) {
                band.getStyleClass().add("selected");
            }
            double w = Math.max(6, x1 - x0);
            band.resizeRelocate(x0 - (w > x1 - x0 ? (w - (x1 - x0)) / 2 : 0), TOP, w, lanesBottom - TOP);
            HoverText.whenHovered(band, f::label);
            band.setOnMouseClicked(e -> onPick.accept(f));
            Label dur = new Label(f.open() ? "under way" : TimelineFormat.duration(Duration.ofMillis(f.durationMs())));
            dur.getStyleClass().add("failover-label");
            dur.setOnMouseClicked(e -> onPick.accept(f));
            dur.resizeRelocate(x0, 2, Math.max(60, x1 - x0), TOP - 4);
            nodes.add(band);
            nodes.add(dur);
        }
        for (Mark m : marks(events, axis)) {
            Region tick = new Region();
            tick.getStyleClass().addAll("timeline-tick", "tick-" + m.severity().word());
            tick.resizeRelocate(m.x() - TICK_WIDTH / 2, y(m.lane()) + 4, TICK_WIDTH, LANE_HEIGHT - 8);
            HoverText.whenHovered(tick, m::text);
            Instant at = m.events().get(0).time();
            tick.setOnMouseClicked(click -> vm.failoverAt(at).ifPresent(onPick));
            nodes.add(tick);
        }
        for (Instant t : axis.marks(6)) {
            Label mark = new Label(TimelineFormat.clock(t));
            mark.getStyleClass().add("timeline-axis");
            mark.resizeRelocate(axis.x(t) - 30, lanesBottom + 2, 60, AXIS_HEIGHT - 4);
            Region line = new Region();
            line.getStyleClass().add("timeline-gridline");
            line.resizeRelocate(axis.x(t), TOP, 1, lanesBottom - TOP);
            nodes.add(Lane.values().length * 2, line);
            nodes.add(mark);
        }
        getChildren().setAll(nodes);
    }

    /**
     * The events as ticks: events of a lane closer than a tick's width are one tick, coloured by
     * the worst of them. A failover of 500 resources is a thousand events within seconds; a node
     * each would be a thousand nodes styled at every layout, drawn on top of each other.
     */
    static List<Mark> marks(List<ClusterEvent> events, Axis axis) {
        Map<Lane, Mark> open = new EnumMap<>(Lane.class);
        List<Mark> out = new ArrayList<>();
        for (ClusterEvent e : events) {
            Lane lane = Lane.of(e.type());
            if (lane == null) {
                continue;
            }
            double x = axis.x(e.time());
            Mark m = open.get(lane);
            if (m == null || x - m.x() >= TICK_WIDTH) {
                m = new Mark(lane, x, new ArrayList<>());
                open.put(lane, m);
                out.add(m);
            }
            m.events().add(e);
        }
        return out;
    }

    /** One tick: the events of a lane it stands for, from the one at {@code x} on. */
    record Mark(Lane lane, double x, List<ClusterEvent> events) {
        Severity severity() {
            return events.stream().map(ClusterEvent::severity).max(Comparator.naturalOrder()).orElseThrow();
        }

        /** What hovering shows: the event, or the first {@link #LISTED} of them and how many more. */
        String text() {
            if (events.size() == 1) {
                ClusterEvent e = events.get(0);
                return TimelineFormat.clock(e.time()) + "  " + e.type().word() + "\n" + e.message();
            }
            String first = TimelineFormat.clock(events.get(0).time());
            String last = TimelineFormat.clock(events.get(events.size() - 1).time());
            StringBuilder b = new StringBuilder().append(events.size())
                    .append(first.equals(last) ? " events at " + first : " events from " + first + " to " + last)
                    .append(':');
            for (ClusterEvent e : events.subList(0, Math.min(LISTED, events.size()))) {
                String line = TimelineFormat.clock(e.time()) + "  " + e.type().word() + "  " + e.message();
                b.append('\n').append(line.length() > LINE ? line.substring(0, LINE - 1) + "\u2026" : line);
            }
            if (events.size() > LISTED) {
                b.append("\nand ").append(events.size() - LISTED).append(" more: the events table lists them all");
            }
            return b.toString();
        }
    }

    private static double y(Lane lane) {
        return TOP + lane.ordinal() * LANE_HEIGHT;
    }

    /** Instants to pixels between the lane titles and the right edge. */
    record Axis(Instant start, Instant end, double left, double right) {
        double x(Instant t) {
            double total = Duration.between(start, end).toMillis();
            return left + (right - left) * Duration.between(start, t).toMillis() / total;
        }

        List<Instant> marks(int count) {
            List<Instant> out = new ArrayList<>();
            Duration step = Duration.between(start, end).dividedBy(count);
            for (int i = 1; i < count; i++) {
                out.add(start.plus(step.multipliedBy(i)));
            }
            return out;
        }
    }
}
