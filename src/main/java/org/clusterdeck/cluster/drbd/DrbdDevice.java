package org.clusterdeck.cluster.drbd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One volume of a resource on this node: its minor ({@code /dev/drbdN}) and local disk state. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"volume", "minor", "diskState"})
public record DrbdDevice(Integer volume, Integer minor, String diskState) {

    /** No local disk: never attached, detached after an I/O error, or an intentional client. */
    @JsonIgnore
    public boolean isDiskless() {
        return "Diskless".equals(diskState);
    }
}
