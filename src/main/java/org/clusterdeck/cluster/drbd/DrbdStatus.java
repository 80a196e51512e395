package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * DRBD state of one node in DRBD 9's words, whichever format it was read from. Serializes
 * (Jackson) to exactly the {@code drbd --json} contract of design.md; {@code format} and
 * {@code drbdVersion} (null unless the source prints it, as {@code /proc/drbd} does) stay internal.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"resources"})
public record DrbdStatus(
        List<DrbdResource> resources,
        @JsonIgnore DrbdSourceFormat format,
        @JsonIgnore String drbdVersion) {

    public DrbdStatus {
        resources = List.copyOf(resources);
    }
}
