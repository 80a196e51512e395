package org.clusterdeck.cluster.command;

import java.util.List;
import org.clusterdeck.cluster.xml.LineDiff;

/** A rewrite of the CIB's resources section: a group's membership, a clone made or taken away. */
public interface ResourcesEdit {
    /** The resources section before, on one line. */
    String before();

    /** The same after the edit, what the plain tools load. */
    String after();

    /** Before and after, indented, secrets masked, with three lines of context around each change. */
    default List<String> diff() {
        return LineDiff.around(LineDiff.ofXml(Secrets.maskedXml(before()), Secrets.maskedXml(after())), 3);
    }
}
