package org.clusterdeck.ui.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.checks.ClusterChecks;
import org.clusterdeck.cluster.checks.ClusterProperty;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.LeftoverConstraint;
import org.clusterdeck.cluster.checks.NodeCondition;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.Failure;
import org.clusterdeck.cluster.status.Resource;
import org.clusterdeck.cluster.status.Summary;
import org.clusterdeck.ui.Feed;
import org.clusterdeck.ui.clusters.Health;

/**
 * One cluster at a glance: nodes, resources, failed actions, leftover constraints and cluster
 * properties, with the findings of {@link ClusterChecks} (worst first) and a health verdict. Fed with successive
 * (status, configuration) pairs; call on the UI thread.
 */
public final class OverviewViewModel {
    private final ObservableList<NodeCondition> nodes = FXCollections.observableArrayList();
    private final ObservableList<Resource> resources = FXCollections.observableArrayList();
    private final ObservableList<Failure> failures = FXCollections.observableArrayList();
    private final ObservableList<LeftoverConstraint> leftovers = FXCollections.observableArrayList();
    private final ObservableList<ClusterProperty> properties = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.UNKNOWN);
    private final ReadOnlyBooleanWrapper hasData = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Set<String>> unreachable = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<List<ClockOffset>> clocksOff = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Feed> feed = new SimpleObjectProperty<>(Feed.OFFLINE);
    private final ReadOnlyBooleanWrapper cibKnown = new ReadOnlyBooleanWrapper(false);
    private final StringBinding findingsEmpty = Feed.emptyText(feed, hasData, "No problems found.");
    private final StringBinding nodesEmpty = Feed.emptyText(feed, hasData, "crm_mon lists no nodes.");
    private final StringBinding resourcesEmpty = Feed.emptyText(feed, hasData, "No resources are configured.");
    private final StringBinding failuresEmpty = Feed.emptyText(feed, hasData, "No failed actions.");
    private final StringBinding leftoversEmpty = Feed.emptyText(feed, hasData, Bindings.when(cibKnown)
            .then("No leftover move, ban or DRBD fencing constraints.")
            .otherwise("Not checked: only crm_mon's status is known, not the CIB."));
    private final StringBinding propertiesEmpty = Feed.emptyText(feed, hasData, "No cluster properties set.");

    private ClusterStatus status;
    private Cib cib;

    public OverviewViewModel() {
        unreachable.addListener((o, was, now) -> refresh());
        clocksOff.addListener((o, was, now) -> refresh());
    }

    /**
     * A new view of the cluster.
     *
     * @param cib the configuration; null when only crm_mon's view is known (properties then come
     *            from crm_mon's summary and leftover constraints cannot be checked)
     */
    public void update(ClusterStatus status, Cib cib) {
        this.status = status;
        this.cib = cib;
        refresh();
    }

    /** Names of nodes the console cannot reach itself (set by the monitor per host). */
    public ObjectProperty<Set<String>> unreachableProperty() {
        return unreachable;
    }

    /** The clocks found off, of the nodes the monitor reads (set by the monitor per host). */
    public ObjectProperty<List<ClockOffset>> clocksOffProperty() {
        return clocksOff;
    }

    private void refresh() {
        if (status == null) {
            return;
        }
        Set<String> cut = unreachable.get() == null ? Set.of() : unreachable.get();
        nodes.setAll(ClusterChecks.nodes(status, cut));
        resources.setAll(status.resources());
        failures.setAll(status.failures());
        leftovers.setAll(cib == null ? List.of() : LeftoverConstraint.of(cib));
        cibKnown.set(cib != null);
        properties.setAll(ClusterProperty.of(cib, status));
        summary.set(summaryLine());
        findings.setAll(ClusterChecks.findings(status, cib, cut, clocksOff.get() == null ? List.of() : clocksOff.get()));
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
        health.set(worst == Severity.CRITICAL ? Health.CRITICAL : worst == Severity.WARNING ? Health.WARNING : Health.OK);
        hasData.set(true);
    }

    private String summaryLine() {
        Summary s = status.summary();
        List<String> parts = new ArrayList<>();
        if (s != null) {
            parts.add(s.quorum() == null ? "quorum unknown" : s.quorum() ? "quorum" : "NO QUORUM");
            parts.add(s.dcName() != null ? "DC " + s.dcName() : "no DC");
            if (s.pacemakerVersion() != null) {
                // the DC reports "2.1.5-a3f44794f94" : the build hash means nothing at a glance
                int dash = s.pacemakerVersion().indexOf('-');
                parts.add("Pacemaker " + (dash > 0 ? s.pacemakerVersion().substring(0, dash) : s.pacemakerVersion()));
            }
        }
        long online = nodes.stream().filter(n -> !n.down()).count();
        parts.add(online + " of " + nodes.size() + " nodes up");
        long active = resources.stream().filter(Resource::active).count();
        parts.add(active + " of " + resources.size() + " resource instances active");
        if (s != null && s.lastChange() != null) {
            parts.add("last change " + s.lastChange());
        }
        return String.join("  \u00b7  ", parts);
    }

    public ObservableList<NodeCondition> nodes() {
        return nodes;
    }

    public ObservableList<Resource> resources() {
        return resources;
    }

    public ObservableList<Failure> failures() {
        return failures;
    }

    public ObservableList<LeftoverConstraint> leftovers() {
        return leftovers;
    }

    public ObservableList<ClusterProperty> properties() {
        return properties;
    }

    /** Problems worst first: critical ones (failures, nodes down, no quorum), then warnings. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasDataProperty() {
        return hasData.getReadOnlyProperty();
    }

    /** Where the data comes from now; before any came, the tables say why there is none. */
    public ObjectProperty<Feed> feedProperty() {
        return feed;
    }

    // what each table says while it has no rows

    public StringBinding findingsEmptyText() {
        return findingsEmpty;
    }

    public StringBinding nodesEmptyText() {
        return nodesEmpty;
    }

    public StringBinding resourcesEmptyText() {
        return resourcesEmpty;
    }

    public StringBinding failuresEmptyText() {
        return failuresEmpty;
    }

    public StringBinding leftoversEmptyText() {
        return leftoversEmpty;
    }

    public StringBinding propertiesEmptyText() {
        return propertiesEmpty;
    }
}
