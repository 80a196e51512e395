package org.clusterdeck.cluster.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.clusterdeck.transport.Command;

/**
 * A command an admin may run about a finding, as typed at a shell. ClusterDeck does not run it:
 * some of these discard data, and the finding's message says when.
 *
 * @param node where to run it; null for any node of the cluster. A placeholder in angle brackets
 *             ({@code <victim>}) where the admin still has to decide.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"node", "command"})
public record SuggestedCommand(String node, String command) {
    public static SuggestedCommand anyNode(Command command) {
        return new SuggestedCommand(null, command.display());
    }
}
