package org.clusterdeck.app.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clusterdeck.app.ErrorLine;
import org.clusterdeck.cluster.command.ClusterNotConnectedException;
import org.clusterdeck.transport.TransportException;

/**
 * The nodes of one cluster, in the order the admin gave them. Whatever is asked of the cluster is
 * answered by the first node, in that order, that can: the others' failures come with the answer
 * as warnings, so a dead node is reported but never hides the cluster.
 */
public final class NodeGroup implements AutoCloseable {
    private final List<NodeConnection> nodes;

    public NodeGroup(List<NodeConnection> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    public List<NodeConnection> nodes() {
        return nodes;
    }

    /** What one node answers; any exception means this node could not. */
    @FunctionalInterface
    public interface Query<T> {
        T ask(NodeConnection node) throws Exception;
    }

    /**
     * An answer and who gave it.
     *
     * @param warnings why each node before it in order did not answer
     */
    public record Answer<T>(NodeConnection node, T value, List<String> warnings) {
        public Answer {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Asks every node at once and takes the first node's answer in order, so a dead node costs at
     * most its timeout; any failure of a node counts as no answer. For reading.
     */
    public <T> Answer<T> first(Query<T> query) throws NoNodeAnsweredException, InterruptedException {
        ExecutorService pool = pool();
        try {
            List<Future<T>> answers = askAll(pool, query);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    return new Answer<>(nodes.get(i), answers.get(i).get(), failures);
                } catch (ExecutionException e) {
                    failures.add(ErrorLine.of(e.getCause()));
                }
            }
            throw new NoNodeAnsweredException(failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Asks every node at once and waits for every answer, in the nodes' order: for reads that
     * report a node's trouble in their answer rather than by failing.
     *
     * @throws IllegalStateException when a node's read failed after all, naming the node
     */
    public <T> List<T> each(java.util.function.Function<NodeConnection, T> read) throws InterruptedException {
        ExecutorService pool = pool();
        try {
            List<Future<T>> answers = askAll(pool, read::apply);
            List<T> out = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    out.add(answers.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(nodes.get(i).host() + ": " + ErrorLine.of(e.getCause()), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> List<Future<T>> askAll(ExecutorService pool, Query<T> query) {
        List<Future<T>> answers = new ArrayList<>();
        for (NodeConnection n : nodes) {
            answers.add(pool.submit(() -> query.ask(n)));
        }
        return answers;
    }

    /** A thread per node, so that no node waits for another's timeout. */
    private ExecutorService pool() {
        return Executors.newFixedThreadPool(Math.max(1, nodes.size()), r -> {
            Thread t = new Thread(r, "node-query");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Asks one node after the other, moving on only when a node cannot take part: it cannot be
     * reached, or it answers without a running cluster stack (stopped for maintenance, say; pcs
     * treats such a node as offline too). Any other failure (an unknown name, a tool refusing a
     * change) would be the same on every node, so it is the answer. For changing the cluster.
     */
    public <T> Answer<T> firstReachable(Query<T> query) throws Exception {
        List<String> passedOver = new ArrayList<>();
        for (NodeConnection n : nodes) {
            try {
                return new Answer<>(n, query.ask(n), passedOver);
            } catch (TransportException | ClusterNotConnectedException | NotThisNode e) {
                passedOver.add(ErrorLine.of(e));
            }
        }
        throw new NoNodeAnsweredException(passedOver);
    }

    /** A query's way to say a node must not serve it (the node an action fences): the next one is asked. */
    public static final class NotThisNode extends RuntimeException {
        public NotThisNode(String why) {
            super(why);
        }
    }

    @Override
    public void close() {
        nodes.forEach(NodeConnection::close);
    }
}
