package org.clusterdeck.cluster.simulate;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmSimulate;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Predicts what staged changes will make the cluster do, by running {@link CrmSimulate} on the
 * node: the node's Pacemaker version is the one whose decisions count.
 */
public final class Predictor {
    private final CommandRunner node;

    public Predictor(CommandRunner node) {
        this.node = node;
    }

    /**
     * @param cib    the CIB as {@code cibadmin --query} printed it; the prediction is for exactly this version
     * @param stages the commands of each stage; one transition is predicted per stage
     */
    public Prediction predict(String cib, List<List<Command>> stages) throws TransportException, ClusterCommandException {
        return predict(cib, stages, UnaryOperator.identity());
    }

    /**
     * @param stages the commands of each stage as the admin would type them: the transitions are labelled with these
     * @param onCopy how each of them runs against the copy (see {@code CommandDialect#onCopy})
     */
    public Prediction predict(String cib, List<List<Command>> stages, UnaryOperator<Command> onCopy)
            throws TransportException, ClusterCommandException {
        Command script = CrmSimulate.stagedPrediction(cib, stages, onCopy);
        CommandResult r = node.run(script);
        String what = "crm_simulate on a staged copy of the CIB";
        if (!r.ok()) {
            List<String> said = ClusterCommandException.lastLines(r.stderr());
            // a staged change the tool refused is named as the admin would type it, with the tool's reasons
            String last = said.isEmpty() ? "" : said.get(said.size() - 1);
            if (last.startsWith(CrmSimulate.STAGE_FAILED)) {
                what = last.substring(CrmSimulate.STAGE_FAILED.length()) + " (staged on a copy of the CIB)";
                said = said.subList(0, said.size() - 1);
            }
            throw ClusterCommandException.of(node.node(), what, r.exitCode(), said);
        }
        List<String> labels = stages.stream()
                .map(s -> s.stream().map(Command::display).collect(Collectors.joining(" && ")))
                .toList();
        return SimulationParser.parse(r.stdout(), labels, node.node() + ": " + what);
    }
}
