package org.clusterdeck.cluster.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.xml.Elements;
import org.clusterdeck.cluster.xml.XmlWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A group's membership changed on the CIB's resources section: primitives added (from the top
 * level or from another group; a new group when none has the id) at the end or next to a member,
 * or members reordered, or members taken out (to the top level, where the group is; the group
 * goes with its last member). Everything an edit needs is checked here, against the CIB.
 *
 * @param before      the resources section before, on one line
 * @param after       the same after the edit, what the plain tools load
 * @param newGroup    the group did not exist and is made
 * @param groupGone   the group's last members were taken out: the group is no more
 * @param leaving     for an addition, each member coming from another group, with that group
 * @param reordered   for an addition, the members already in the group, moved within it
 */
public record GroupEdit(@JsonIgnore String before, @JsonIgnore String after, boolean newGroup, boolean groupGone, Map<String, String> leaving,
        List<String> reordered) implements ResourcesEdit {

    public GroupEdit {
        leaving = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leaving));
        reordered = List.copyOf(reordered);
    }

    /**
     * Adds primitives to the group (made when the CIB has no resource of that id), at its end, or
     * before or after one of its other members, in the order given.
     *
     * @param position a member of the group not among {@code members}; null: at the end
     * @param before   with a position: before it, else after it
     */
    public static GroupEdit add(String cibText, String source, String group, List<String> members, String position,
            boolean before) {
        CibDocument cib = new CibDocument(cibText, source);
        String was = XmlWriter.compact(cib.resources());
        Element found = cib.resource(group).orElse(null);
        boolean made = found == null;
        if (made) {
            if (cib.hasId(group)) {
                throw new InvalidInputException("group", group, "the CIB has this id already, not for a resource");
            }
            if (position != null) {
                throw new InvalidInputException("position", position, "the group " + group + " is new: it has no members yet");
            }
        } else if (!found.getTagName().equals("group")) {
            throw new InvalidInputException("group", group, "it is a " + found.getTagName() + ", not a group");
        }
        List<Element> moving = new ArrayList<>();
        Map<String, String> leaving = new LinkedHashMap<>();
        List<String> reordered = new ArrayList<>();
        for (String id : distinct(members)) {
            Element p = primitive(cib, id);
            Element parent = (Element) p.getParentNode();
            if (parent == found) {
                reordered.add(id);
            } else if (parent.getTagName().equals("group")) {
                if (Elements.children(parent).stream().allMatch(m -> members.contains(m.getAttribute("id")))) {
                    throw new InvalidInputException("resource", id, "it is the last member of the group "
                            + parent.getAttribute("id") + ", which cannot be left empty");
                }
                leaving.put(id, parent.getAttribute("id"));
            } else if (!parent.getTagName().equals("resources")) {
                throw new InvalidInputException("resource", id, "it is inside the " + parent.getTagName() + " "
                        + parent.getAttribute("id") + "; a group takes primitives on their own or from another group");
            }
            moving.add(p);
        }
        Element anchor = null;
        if (position != null) {
            anchor = Elements.children(found).stream().filter(m -> m.getAttribute("id").equals(position)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("group member", position, group + "'s members are "
                            + String.join(", ", Elements.children(found).stream().map(m -> m.getAttribute("id")).toList())));
            if (members.contains(position)) {
                throw new InvalidInputException("group member", position, "it is among the resources being placed");
            }
        }
        if (!made && reordered.size() == Elements.children(found).size()) {
            throw new InvalidInputException("resource", String.join(", ", reordered), "every member of " + group
                    + " is named: to reorder, name the members that move and where (--before or --after)");
        }
        Element g = found;
        if (made) {
            g = cib.resources().getOwnerDocument().createElement("group");
            g.setAttribute("id", group);
            // where its first member stood on its own, so taking the members out again puts them back there
            Element first = moving.get(0);
            cib.resources().insertBefore(g, first.getParentNode() == cib.resources() ? first : null);
        }
        for (Element p : moving) {
            p.getParentNode().removeChild(p);
        }
        // the place is found once they are out: one of them may have been next to it
        Node next = anchor == null ? null : before ? anchor : anchor.getNextSibling();
        for (Element p : moving) {
            g.insertBefore(p, next);
        }
        return new GroupEdit(was, XmlWriter.compact(cib.resources()), made, false, leaving, reordered);
    }

    /**
     * Takes members out of the group to the top level, where the group is; all of them: the group
     * goes (only a group that stands on its own, not one inside a clone).
     */
    public static GroupEdit remove(String cibText, String source, String group, List<String> members) {
        CibDocument cib = new CibDocument(cibText, source);
        String was = XmlWriter.compact(cib.resources());
        Element g = cib.resource(group).filter(e -> e.getTagName().equals("group")).orElseThrow(
                () -> new InvalidInputException("group", group, "the cluster has no group with this id"));
        List<String> names = Elements.children(g).stream().map(m -> m.getAttribute("id")).toList();
        for (String id : distinct(members)) {
            if (!names.contains(id)) {
                throw new InvalidInputException("group member", id, group + "'s members are " + String.join(", ", names));
            }
        }
        boolean gone = names.stream().allMatch(members::contains);
        Element parent = (Element) g.getParentNode();
        if (gone && !parent.getTagName().equals("resources")) {
            throw new InvalidInputException("group", group, "it is inside the " + parent.getTagName() + " "
                    + parent.getAttribute("id") + ", which cannot be left without it");
        }
        // after the group, in their order: where the group was, once it goes
        Node after = g.getNextSibling();
        for (Element m : Elements.children(g)) {
            if (members.contains(m.getAttribute("id"))) {
                g.removeChild(m);
                parent.insertBefore(m, after);
            }
        }
        if (gone) {
            parent.removeChild(g);
        }
        return new GroupEdit(was, XmlWriter.compact(cib.resources()), false, gone, Map.of(), List.of());
    }

    private static Element primitive(CibDocument cib, String id) {
        Element p = cib.resource(id).orElseThrow(() -> new InvalidInputException("resource", id,
                "the cluster has no resource with this id"));
        if (!p.getTagName().equals("primitive")) {
            throw new InvalidInputException("resource", id, "it is a " + p.getTagName() + "; groups hold primitives");
        }
        return p;
    }

    private static List<String> distinct(List<String> members) {
        if (members.isEmpty()) {
            throw new InvalidInputException("resources", "", "name at least one");
        }
        if (new LinkedHashSet<>(members).size() != members.size()) {
            throw new InvalidInputException("resources", String.join(" ", members), "a resource is named twice");
        }
        return members;
    }
}
