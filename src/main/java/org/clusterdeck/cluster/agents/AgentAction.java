package org.clusterdeck.cluster.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An action the agent supports, with the timeout and interval it advises: what a new resource's
 * operations start from.
 *
 * @param timeout  as written, e.g. "20s" or "240"; null when not given
 * @param interval for monitors, as written; null otherwise
 * @param role     the role a monitor is for (Promoted, Unpromoted, or the older Master, Slave); null for any
 * @param depth    OCF's check level of a monitor; null when not given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "timeout", "interval", "role", "depth"})
public record AgentAction(String name, String timeout, String interval, String role, String depth) {
}
