package org.clusterdeck.cluster.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.status.Resource;

/**
 * Compares where the prediction put each resource with where it is. Anonymous clone instances
 * carry one id, and instance numbers differ between a simulation and the real cluster, so each id
 * is compared as the sorted list of its "ROLE on NODE" entries.
 */
public final class PlacementCheck {
    private PlacementCheck() {
    }

    /** Every resource whose placement differs, in the prediction's order, then resources only the cluster has. */
    public static List<PlacementDifference> compare(List<Resource> predicted, List<Resource> actual) {
        return compare(predicted, actual, null);
    }

    /**
     * The same, but what runs on {@code rejoined} now is left out: a node rebooted by a fence joins
     * again and takes up its share (clone copies), which the prediction, the cluster without it,
     * does not show.
     *
     * @param rejoined null for none
     */
    public static List<PlacementDifference> compare(List<Resource> predicted, List<Resource> actual, String rejoined) {
        Map<String, List<String>> want = placements(predicted);
        Map<String, List<String>> got = placements(actual);
        if (rejoined != null) {
            got.values().forEach(l -> l.removeIf(p -> p.endsWith(" on " + rejoined)));
        }
        List<PlacementDifference> out = new ArrayList<>();
        want.forEach((id, p) -> {
            List<String> a = got.getOrDefault(id, List.of());
            if (!p.equals(a)) {
                out.add(new PlacementDifference(id, p, a));
            }
        });
        got.forEach((id, a) -> {
            if (!want.containsKey(id) && !a.isEmpty()) {
                out.add(new PlacementDifference(id, List.of(), a));
            }
        });
        return out;
    }

    static Map<String, List<String>> placements(List<Resource> resources) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Resource r : resources) {
            List<String> list = out.computeIfAbsent(r.id(), k -> new ArrayList<>());
            if (r.active()) {
                r.nodes().forEach(n -> list.add(r.role() + " on " + n));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }
}
