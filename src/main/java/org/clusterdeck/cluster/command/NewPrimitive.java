package org.clusterdeck.cluster.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.agents.AgentName;
import org.clusterdeck.cluster.agents.ParameterType;
import org.clusterdeck.transport.ShellQuote;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A primitive resource to add to the CIB, and how each toolset spells it: the CIB's XML (for
 * cibadmin), crm configuration text and pcs's create arguments. All three give the same ids, as
 * pcs and crmsh name them: {@code ID-instance_attributes-NAME}, {@code ID-meta_attributes-NAME},
 * {@code ID-OP-interval-I}. Every name and value is checked when the record is made.
 *
 * @param params instance attributes, in the order given
 * @param meta   meta attributes (target-role, resource-stickiness ...), in the order given
 */
public record NewPrimitive(String id, AgentName agent, @JsonIgnore Map<String, String> params, List<Op> ops,
        Map<String, String> meta) {
    /** The roles an operation may be for: Pacemaker 2.1's names and the older ones. */
    private static final List<String> ROLES = List.of("Started", "Stopped", "Promoted", "Unpromoted", "Master", "Slave");

    /**
     * An operation; role and timeout may be null. {@code more} holds its other settings as the CIB
     * has them ({@code on-fail}, {@code enabled}, {@code start-delay} ...), so that changing an
     * operation's timeout keeps what else the admin configured on it.
     */
    public record Op(String name, String interval, String role, String timeout, Map<String, String> more) {
        /** The settings that have their own fields, and the operation's id, which the CIB gives. */
        private static final List<String> OWN = List.of("id", "name", "interval", "role", "timeout");

        public Op {
            ActionInput.id("operation name", name);
            time("interval of " + name, interval);
            if (timeout != null) {
                time("timeout of " + name, timeout);
            }
            if (role != null && !ROLES.contains(role)) {
                throw new InvalidInputException("role of " + name, role, "expected one of " + String.join(", ", ROLES));
            }
            Map<String, String> checked = new LinkedHashMap<>();
            more.forEach((setting, value) -> {
                if (OWN.contains(setting)) {
                    throw new InvalidInputException("operation setting", setting, "given twice");
                }
                checked.put(ActionInput.id("operation setting", setting), ActionInput.value(name + " " + setting, value));
            });
            more = java.util.Collections.unmodifiableMap(checked);
        }

        public Op(String name, String interval, String role, String timeout) {
            this(name, interval, role, timeout, Map.of());
        }

        private static void time(String what, String value) {
            String problem = ParameterType.TIME.problem(value, List.of());
            if (problem != null) {
                throw new InvalidInputException(what, value == null ? "" : value, problem);
            }
        }

        /** Its settings, in the order the tools print them, then the others. */
        Map<String, String> settings() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("interval", interval);
            if (role != null) {
                m.put("role", role);
            }
            if (timeout != null) {
                m.put("timeout", timeout);
            }
            m.putAll(more);
            return m;
        }

        /** The same operation with another role name. */
        public Op withRole(String newRole) {
            return new Op(name, interval, newRole, timeout, more);
        }
    }

    public NewPrimitive {
        ActionInput.id("resource id", id);
        if (agent == null) {
            throw new InvalidInputException("agent of " + id, "", "it is empty");
        }
        params = checked("parameter", params);
        ops = List.copyOf(ops);
        meta = checked("meta attribute", meta);
    }

    /** The parameters as people and the audit log read them: secrets masked. */
    @JsonProperty("params")
    public Map<String, String> shownParams() {
        return Secrets.masked(params);
    }

    /** The same with its secrets masked: what the plan shows of it. */
    public NewPrimitive masked() {
        return new NewPrimitive(id, agent, Secrets.masked(params), ops, meta);
    }

    /** Without meta attributes. */
    public NewPrimitive(String id, AgentName agent, Map<String, String> params, List<Op> ops) {
        this(id, agent, params, ops, Map.of());
    }

    private static Map<String, String> checked(String what, Map<String, String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs.forEach((name, value) -> out.put(ActionInput.id(what + " name", name),
                ActionInput.value(what + " " + name, value)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The {@code <primitive>} element under {@code parent}, with the JDK's DOM, which escapes every value. */
    public Element appendTo(Element parent) {
        Document doc = parent.getOwnerDocument();
        Element e = child(parent, "primitive");
        e.setAttribute("id", id);
        e.setAttribute("class", agent.standard());
        if (agent.provider() != null) {
            e.setAttribute("provider", agent.provider());
        }
        e.setAttribute("type", agent.type());
        attributes(e, "instance_attributes", params);
        attributes(e, "meta_attributes", meta);
        Element operations = child(e, "operations");
        for (Op o : ops) {
            Element op = child(operations, "op");
            op.setAttribute("id", id + "-" + o.name() + "-interval-" + o.interval() + (o.role() == null ? "" : "-" + o.role()));
            op.setAttribute("name", o.name());
            o.settings().forEach(op::setAttribute);
        }
        return e;
    }

    private void attributes(Element primitive, String set, Map<String, String> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        Element s = child(primitive, set);
        String setId = id + "-" + set;
        s.setAttribute("id", setId);
        pairs.forEach((name, value) -> {
            Element nv = child(s, "nvpair");
            nv.setAttribute("id", setId + "-" + name);
            nv.setAttribute("name", name);
            nv.setAttribute("value", value);
        });
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    /** The {@code <primitive>} alone, as {@code cibadmin --xml-text} takes it. */
    public String xml() {
        return write(null);
    }

    /**
     * The primitive inside {@code <group id="GROUP">}: what {@code cibadmin --modify} merges into
     * that existing group, adding the primitive at its end.
     */
    public String xmlInGroup(String group) {
        return write(ActionInput.id("group id", group));
    }

    private String write(String group) {
        Document doc = XmlWriter.newDocument();
        Element holder = doc.createElement(group == null ? "resources" : "group");
        doc.appendChild(holder);
        Element p = appendTo(holder);
        if (group != null) {
            holder.setAttribute("id", group);
        }
        return XmlWriter.compact(group == null ? p : holder);
    }

    /**
     * crm configuration text, one line: {@code primitive ID AGENT params … op … meta …}. crm's
     * parser splits words as a POSIX shell does, so each value is quoted as for one.
     */
    public String crm() {
        StringBuilder s = new StringBuilder("primitive ").append(id).append(' ').append(agent);
        if (!params.isEmpty()) {
            s.append(" params").append(crmPairs(params));
        }
        if (!meta.isEmpty()) {
            s.append(" meta").append(crmPairs(meta));
        }
        for (Op o : ops) {
            s.append(" op ").append(o.name()).append(crmPairs(o.settings()));
        }
        return s.toString();
    }

    /** {@code  NAME=VALUE} words for crm configuration text, each value quoted as for a POSIX shell. */
    public static String crmPairs(Map<String, String> pairs) {
        StringBuilder s = new StringBuilder();
        pairs.forEach((name, value) -> s.append(' ').append(name).append('=').append(ShellQuote.quote(value)));
        return s.toString();
    }

    /**
     * pcs's words after {@code pcs resource create} or {@code pcs stonith create}: the id, the agent
     * (a fence device names its agent without {@code stonith:}), {@code NAME=VALUE} parameters, the
     * operations and meta attributes, and {@code --no-default-ops}, so the operations are exactly
     * these, as in the other spellings. pcs reads each word whole: nothing to quote. Secrets are
     * words too, so on the node's process list: the pcs dialect leaves those to the plain tools.
     */
    public List<String> pcsWords() {
        List<String> args = new ArrayList<>();
        args.add(id);
        args.add(agent.isFencing() ? agent.type() : agent.toString());
        params.forEach((name, value) -> args.add(name + "=" + value));
        if (!ops.isEmpty()) {
            args.add("op");
            for (Op o : ops) {
                args.add(o.name());
                o.settings().forEach((name, value) -> args.add(name + "=" + value));
            }
        }
        if (!meta.isEmpty()) {
            args.add("meta");
            meta.forEach((name, value) -> args.add(name + "=" + value));
        }
        if (!agent.isFencing()) {
            args.add("--no-default-ops");
        }
        return args;
    }
}
