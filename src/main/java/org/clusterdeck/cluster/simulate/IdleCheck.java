package org.clusterdeck.cluster.simulate;

import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.cib.CibReader;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.xml.SafeXml;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;
import org.w3c.dom.NodeList;

/**
 * One look at whether the cluster is idle, by the test {@code crm_resource --wait} repeats
 * (Pacemaker's {@code wait_till_stable}): the scheduler, run on the live CIB, schedules no action,
 * and no operation is in flight (an {@code lrm_rsc_op} with rc-code 193, "unknown", is one the
 * cluster recorded as pending). {@code crm_resource --wait} sleeps two seconds before every look,
 * its first one included; this look does not.
 */
public final class IdleCheck {
    /** PCMK_OCF_UNKNOWN: how a pending operation is recorded in the status section. */
    private static final String IN_FLIGHT = "/cib/status/node_state/lrm/lrm_resources/lrm_resource/lrm_rsc_op[@rc-code='193']";

    private final CommandRunner node;

    public IdleCheck(CommandRunner node) {
        this.node = node;
    }

    /** @return empty when idle, otherwise what is still going on */
    public List<String> pending() throws TransportException, ClusterCommandException {
        String cib = new CibReader(node).readText();
        String source = node.node() + ": cibadmin --query";
        NodeList ops;
        try {
            ops = (NodeList) XPathFactory.newDefaultInstance().newXPath()
                    .evaluate(IN_FLIGHT, SafeXml.parse(cib, source), XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalStateException("constant XPath rejected: " + IN_FLIGHT, e);
        }
        if (ops.getLength() > 0) {
            return List.of(ops.getLength() + " operation(s) in flight");
        }
        return new Predictor(node).predict(cib, List.of(List.of())).actions().stream()
                .map(PredictedAction::describe).toList();
    }
}
