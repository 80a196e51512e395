package org.clusterdeck.cluster.command;

import java.time.Duration;
import org.clusterdeck.transport.Command;

/** Calls of {@code cibadmin}, one small function per use. */
public final class CibAdmin {
    private CibAdmin() {
    }

    /** The whole live CIB, configuration and status, as the cluster's CIB manager holds it. */
    public static Command query() {
        return Command.of("cibadmin", "--query").withTimeout(Duration.ofSeconds(15));
    }

    /** The {@code <cib>} element alone: its version attributes, without fetching the whole CIB. */
    public static Command queryVersion() {
        return Command.of("cibadmin", "--query", "--xpath", "/cib", "--no-children").withTimeout(Duration.ofSeconds(15));
    }

    /** Adds a constraint; the XML comes from {@link NewConstraint#xml}, whose values are checked and escaped. */
    public static Command createConstraint(NewConstraint constraint) {
        return Command.of("cibadmin", "--create", "--scope", "constraints", "--xml-text", constraint.xml());
    }

    /**
     * Adds a primitive on its own, or at the end of an existing group (cibadmin's modify merges the
     * group element given with the one there, adding what is new at its end); the XML comes from
     * {@link NewPrimitive}, whose values are checked and escaped.
     */
    public static Command createPrimitive(NewPrimitive primitive, String group) {
        return group == null
                ? withXml(Command.of("cibadmin", "--create", "--scope", "resources", "--xml-pipe"), primitive.xml())
                : withXml(Command.of("cibadmin", "--modify", "--scope", "resources", "--xml-pipe"),
                        primitive.xmlInGroup(group));
    }

    /**
     * Puts this primitive XML in place of the primitive with its id, wherever it is (on its own, in
     * a group or clone): one change, so the cluster sees every edit of it at once. cibadmin finds it
     * by element and id within the scope and replaces it where it is; with {@code --xpath} instead,
     * it would move a group member to the group's end, changing the start order.
     */
    public static Command replacePrimitive(String xml) {
        return withXml(Command.of("cibadmin", "--replace", "--scope", "resources", "--xml-pipe"), xml);
    }

    /**
     * The whole resources section replaced by this one: a primitive moved into or out of a group in
     * one change, never deleted in between, where the cluster would stop it.
     */
    public static Command replaceResources(String resourcesXml) {
        return withXml(Command.of("cibadmin", "--replace", "--scope", "resources", "--xml-pipe"), resourcesXml);
    }

    /**
     * Resource XML on standard input, shown in the plan as a here-document with any secret masked:
     * a fence device's password never reaches the command line (the node's process list), the plan
     * or the audit log; and a section can be longer than one argument may be.
     */
    private static Command withXml(Command pipe, String xml) {
        return pipe.withShownStdin(xml + "\n", Secrets.maskedXml(xml) + "\n");
    }

    /** Removes the primitive with this id wherever it is (on its own, in a group); the cluster stops it. */
    public static Command deletePrimitive(String id) {
        return Command.of("cibadmin", "--delete", "--xpath",
                "/cib/configuration/resources//primitive[@id='" + ActionInput.id("resource id", id) + "']");
    }

    /** Removes the constraint with this id, whatever its type; an id (NCName) cannot leave the quotes. */
    public static Command deleteConstraint(String id) {
        return Command.of("cibadmin", "--delete", "--xpath",
                "/cib/configuration/constraints/*[@id='" + ActionInput.id("constraint id", id) + "']");
    }
}
