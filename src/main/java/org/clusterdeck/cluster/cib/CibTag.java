package org.clusterdeck.cluster.cib;

import java.util.List;

/** A {@code <tag>}: a name for a list of ids ({@code obj_ref}); they usually, not necessarily, name resources. */
public record CibTag(String id, List<String> references) {
    public CibTag {
        references = List.copyOf(references);
    }
}
