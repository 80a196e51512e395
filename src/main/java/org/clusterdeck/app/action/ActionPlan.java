package org.clusterdeck.app.action;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.clusterdeck.cluster.cib.CibVersion;
import org.clusterdeck.cluster.command.ClusterAction;
import org.clusterdeck.cluster.simulate.Prediction;
import org.clusterdeck.cluster.simulate.RiskCheck;
import org.clusterdeck.transport.Command;

/**
 * An action as it is shown before it runs: the exact commands as the admin would type them, the
 * CIB version they were previewed against, what crm_simulate predicts and why ClusterDeck refuses
 * it, if it does. Applying needs this plan; a plan whose CIB has changed is previewed again.
 *
 * @param node         the node the commands run on (and the prediction ran on)
 * @param dialect      the toolset the commands are spelled in, e.g. "pacemaker"
 * @param commands     the change, as typed on that node
 * @param afterLanding run once the change has landed (clearing a move's constraint); null for none
 * @param cibVersion   {@code admin_epoch.epoch.num_updates} of the CIB the prediction is for
 * @param notes        what the admin should know: the prediction's limits, what a property does
 * @param warnings     risks the admin takes; one with {@code acknowledge} needs an explicit "I understand"
 * @param stagedOnCopy the prediction's staged commands as they really ran on the CIB copy, for the audit log
 *                     (a tool that ignores {@code CIB_file} is pointed at the copy, which the plan does not show)
 * @param actionId     ties the plan's audit log lines together; a re-preview keeps it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"action", "description", "node", "dialect", "commands", "afterLanding", "cibVersion",
        "prediction", "notes", "warnings", "acknowledgementNeeded", "refusals"})
public record ActionPlan(
        ClusterAction action,
        String description,
        String node,
        String dialect,
        List<String> commands,
        String afterLanding,
        String cibVersion,
        Prediction prediction,
        List<String> notes,
        List<RiskCheck.Warning> warnings,
        List<String> refusals,
        @JsonIgnore CibVersion version,
        @JsonIgnore List<Command> changeCommands,
        @JsonIgnore Command afterLandingCommand,
        @JsonIgnore List<String> stagedOnCopy,
        @JsonIgnore String actionId) {

    public ActionPlan {
        commands = List.copyOf(commands);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        refusals = List.copyOf(refusals);
        changeCommands = List.copyOf(changeCommands);
        stagedOnCopy = List.copyOf(stagedOnCopy);
    }

    static ActionPlan of(ClusterAction action, String node, String dialect, List<Command> change, Command afterLanding,
            CibVersion version, Prediction prediction, List<String> notes, List<RiskCheck.Warning> warnings,
            List<String> refusals, List<String> stagedOnCopy, String actionId) {
        return new ActionPlan(action, action.describe(), node, dialect, change.stream().map(Command::display).toList(),
                afterLanding == null ? null : afterLanding.display(), version.toString(), prediction, notes, warnings,
                refusals, version, change, afterLanding, stagedOnCopy, actionId);
    }

    /** Applying needs the admin's explicit acknowledgement of a warning, besides the confirmation. */
    @JsonProperty("acknowledgementNeeded")
    public boolean acknowledgementNeeded() {
        return warnings.stream().anyMatch(RiskCheck.Warning::acknowledge);
    }

    /**
     * What the change does to the configuration's XML, line by line with {@code "- "}, {@code "+ "}
     * or two spaces in front, secrets masked: an edited primitive whole, a resources section around
     * its changes; empty for actions that do not rewrite the configuration this way. (The action's
     * JSON carries it too.)
     */
    @JsonIgnore
    public List<String> configurationDiff() {
        return action instanceof ClusterAction.RewritesConfiguration r ? r.diff() : List.of();
    }

    @JsonIgnore
    public boolean refused() {
        return !refusals.isEmpty();
    }
}
