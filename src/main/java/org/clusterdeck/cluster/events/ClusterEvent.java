package org.clusterdeck.cluster.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened in a cluster, found by comparing successive views of it. Serializes to
 * one line of {@code watch --json}; fields that do not apply to the type are left out.
 *
 * @param time       when the monitor saw it (the view that first showed it), ISO-8601 UTC
 * @param node       the cluster node it is about (for DRBD: the node whose DRBD reported it)
 * @param resource   the resource id as crm_mon prints it, or the DRBD resource name
 * @param from       the state, node(s) or role before, in the cluster's own words
 * @param to         the state, node(s) or role after
 * @param peer       DRBD: the connection's peer
 * @param volume     DRBD: the volume number
 * @param durationMs failover: from the first sign of trouble until everything runs again
 * @param resources  failover: the resources the trouble stopped, in crm_mon's order
 * @param seenBy     the host whose answer showed it, as given with {@code --host}
 * @param message    one line for a human, naming what happened and where
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"time", "type", "severity", "node", "resource", "from", "to", "peer", "volume",
        "syncDonePercent", "speedKiBps", "etaSeconds", "durationMs", "resources", "seenBy", "message"})
public record ClusterEvent(
        @JsonSerialize(using = ToStringSerializer.class) Instant time,
        EventType type,
        Severity severity,
        String node,
        String resource,
        String from,
        String to,
        String peer,
        Integer volume,
        Double syncDonePercent,
        Long speedKiBps,
        Long etaSeconds,
        Long durationMs,
        List<String> resources,
        String seenBy,
        String message) {

    public ClusterEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** The same event, marked with the host whose answer showed it. */
    public ClusterEvent withSeenBy(String host) {
        return new ClusterEvent(time, type, severity, node, resource, from, to, peer, volume, syncDonePercent,
                speedKiBps, etaSeconds, durationMs, resources, host, message);
    }

    /** Starts an event; the fields that apply to its type are set on the builder. */
    public static Builder of(Instant time, EventType type, Severity severity) {
        return new Builder(time, type, severity);
    }

    /** Fills the many optional fields by name, since most events use only a few. */
    public static final class Builder {
        private final Instant time;
        private final EventType type;
        private final Severity severity;
        private String node;
        private String resource;
        private String from;
        private String to;
        private String peer;
        private Integer volume;
        private Double syncDonePercent;
        private Long speedKiBps;
        private Long etaSeconds;
        private Long durationMs;
        private List<String> resources;
        private String seenBy;

        private Builder(Instant time, EventType type, Severity severity) {
            this.time = time;
            this.type = type;
            this.severity = severity;
        }

        public Builder node(String value) {
            node = value;
            return this;
        }

        public Builder resource(String value) {
            resource = value;
            return this;
        }

        public Builder change(String before, String after) {
            from = before;
            to = after;
            return this;
        }

        public Builder drbd(String peerName, Integer volumeNumber) {
            peer = peerName;
            volume = volumeNumber;
            return this;
        }

        public Builder sync(Double donePercent, Long kiBps, Long eta) {
            syncDonePercent = donePercent;
            speedKiBps = kiBps;
            etaSeconds = eta;
            return this;
        }

        public Builder duration(long millis, List<String> affected) {
            durationMs = millis;
            resources = affected;
            return this;
        }

        /** The resources a failover is about, before its duration is known. */
        public Builder resources(List<String> affected) {
            resources = affected;
            return this;
        }

        public Builder seenBy(String host) {
            seenBy = host;
            return this;
        }

        public ClusterEvent message(String text) {
            return new ClusterEvent(time, type, severity, node, resource, from, to, peer, volume, syncDonePercent,
                    speedKiBps, etaSeconds, durationMs, resources, seenBy, text);
        }
    }
}
