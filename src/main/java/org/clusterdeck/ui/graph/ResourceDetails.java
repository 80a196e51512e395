package org.clusterdeck.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.cib.Bundle;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibResource;
import org.clusterdeck.cluster.cib.LocationConstraint;
import org.clusterdeck.cluster.cib.NvSet;
import org.clusterdeck.cluster.cib.Operation;
import org.clusterdeck.cluster.cib.Primitive;
import org.clusterdeck.cluster.command.Secrets;

/** What the details pane shows for a selected resource: its configuration and current state, in sections. */
public record ResourceDetails(String id, String kind, List<Section> sections) {
    /** The section whose entries are constraint ids (the window offers to remove them). */
    public static final String LOCATIONS = "Location constraints";

    public ResourceDetails {
        sections = List.copyOf(sections);
    }

    public record Section(String title, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /**
     * @param editable the value is in the attribute set an edit changes (the first without rules)
     *                 and not a secret, so the pane lets the admin change it in place
     */
    public record Entry(String name, String value, boolean editable) {
        public Entry(String name, String value) {
            this(name, value, false);
        }
    }

    /** The sections whose editable entries are a primitive's parameters, and any resource's meta attributes. */
    public static final String PARAMETERS = "Parameters";
    public static final String META = "Meta attributes";

    public Section section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst().orElse(null);
    }

    static ResourceDetails of(Cib cib, String id, ResourceState.Summary state) {
        CibResource r = cib.resource(id).orElse(null);
        if (r == null) {
            return new ResourceDetails(id, "unknown", List.of(new Section("Resource",
                    List.of(new Entry("note", "not in the configuration")))));
        }
        List<Section> sections = new ArrayList<>();
        List<Entry> head = new ArrayList<>();
        head.add(new Entry("kind", r.kind()));
        if (r instanceof Primitive p) {
            head.add(new Entry("agent", p.agent() != null ? p.agent() : "template " + p.template()));
        }
        if (r instanceof Bundle b) {
            head.add(new Entry("container", b.containerType() + (b.image() != null ? " " + b.image() : "")));
        }
        cib.parent(id).ifPresent(p -> head.add(new Entry("in", p.kind() + " " + p.id())));
        r.children().forEach(c -> head.add(new Entry("contains", c.kind() + " " + c.id())));
        sections.add(new Section("Resource", head));
        if (state != null) {
            List<Entry> st = new ArrayList<>();
            st.add(new Entry("state", state.state().label()));
            if (!state.roles().isEmpty()) {
                st.add(new Entry("role", String.join(", ", state.roles())));
            }
            st.add(new Entry("running on", state.nodes().isEmpty() ? "nowhere" : String.join(", ", state.nodes())));
            sections.add(new Section("Status", st));
        }
        if (r instanceof Primitive p) {
            sections.add(new Section(PARAMETERS, pairs(p.instanceAttributes(), true)));
            sections.add(new Section("Operations", p.operations().stream().map(ResourceDetails::operation).toList()));
        }
        sections.add(new Section(META, pairs(r.metaAttributes(), !r.kind().equals("bundle"))));
        sections.add(new Section(LOCATIONS, cib.constraints().stream()
                .filter(c -> c instanceof LocationConstraint && c.names(id))
                .map(c -> location((LocationConstraint) c)).toList()));
        return new ResourceDetails(id, r.kind(), sections);
    }

    /**
     * Every pair of every block; blocks that apply only under rules are marked so. A secret's value
     * is not shown; with {@code editable}, the first block without rules may be changed in place.
     */
    private static List<Entry> pairs(List<NvSet> sets, boolean editable) {
        List<Entry> out = new ArrayList<>();
        NvSet edited = sets.stream().filter(s -> !s.conditional()).findFirst().orElse(null);
        for (NvSet s : sets) {
            s.pairs().forEach(p -> {
                boolean secret = Secrets.isSecret(p.name());
                out.add(new Entry(p.name(), (secret ? Secrets.MASK : p.value())
                        + (s.conditional() ? "  (when rule " + s.id() + " holds)" : ""), editable && s == edited && !secret));
            });
        }
        return out;
    }

    private static Entry operation(Operation o) {
        StringBuilder sb = new StringBuilder();
        sb.append("interval ").append(o.interval() == null ? "0" : o.interval());
        if (o.role() != null) {
            sb.append(", role ").append(o.role());
        }
        for (Map.Entry<String, String> a : o.attributes().entrySet()) {
            if (!List.of("id", "name", "interval", "role").contains(a.getKey())) {
                sb.append(", ").append(a.getKey()).append(' ').append(a.getValue());
            }
        }
        return new Entry(o.name(), sb.toString());
    }

    private static Entry location(LocationConstraint l) {
        String where;
        if (l.node() != null) {
            where = l.node() + " score " + l.score();
        } else {
            where = l.rules().size() + (l.rules().size() == 1 ? " rule" : " rules")
                    + l.rules().stream().map(r -> r.score() != null ? " score " + r.score() : "").findFirst().orElse("");
        }
        if (l.role() != null) {
            where += ", role " + l.role();
        }
        return new Entry(l.id(), where);
    }
}
