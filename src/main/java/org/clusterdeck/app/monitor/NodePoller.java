package org.clusterdeck.app.monitor;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clusterdeck.app.nodes.NodeConnection;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.checks.ClockOffset;
import org.clusterdeck.cluster.cib.Cib;
import org.clusterdeck.cluster.cib.CibReader;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.command.CrmMon;
import org.clusterdeck.cluster.command.Drbd;
import org.clusterdeck.cluster.corosync.CorosyncQuorum;
import org.clusterdeck.cluster.corosync.QuorumReader;
import org.clusterdeck.cluster.drbd.DrbdNodeReader;
import org.clusterdeck.cluster.drbd.DrbdStatus;
import org.clusterdeck.cluster.software.NodeSoftware;
import org.clusterdeck.cluster.status.ClusterStatus;
import org.clusterdeck.cluster.status.StatusReader;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.CommandTimeoutException;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.OutputTooLargeException;
import org.clusterdeck.transport.TransportException;

/**
 * Watches one node. A crm_mon left running on the node ({@link CrmMon#changes()}) says when the
 * CIB changed; only then, for a while after, and every {@link #QUIET_REFRESH} as a safety net is
 * crm_mon's XML read. In between, each round only checks that the node answers (an SSH keepalive,
 * no process on the node), which keeps its status current. Without that stream (Pacemaker before
 * 2.0.3, or while it is restarted) crm_mon is read every round.
 *
 * <p>Besides crm_mon: corosync's quorum when crm_mon shows the membership changed and every
 * {@link #QUORUM_EVERY} reads; the CIB only when crm_mon reports a newer configuration change;
 * DRBD (its changes are not in the CIB) from {@code drbdsetup events2} followed like crm_mon on
 * DRBD 9, else read every round; the node's clock with a read, at most every {@link #CLOCK_EVERY}.
 * What the node runs is probed once per connection. Never throws: every failure ends up in the view,
 * naming the node, the command and the problem. Polled by one thread; the stream's thread only wakes it.
 */
final class NodePoller {
    /** corosync-quorumtool costs a node more CPU than crm_mon (measured on the lab). */
    private static final int QUORUM_EVERY = 10;
    /** How often crm_mon is read while its change stream reports nothing. */
    static final Duration QUIET_REFRESH = Duration.ofSeconds(30);
    /**
     * How long crm_mon is read every round after a change: a failover is many changes in a row,
     * and crm_mon's stream batches those after the first for up to 2 s.
     */
    static final Duration HOT = Duration.ofSeconds(10);
    /**
     * A live sshd answers a keepalive within milliseconds; after this long the node is slow (and
     * asked again next round), sooner than a command timeout would tell.
     */
    private static final Duration PING_TIMEOUT = LinkQuality.LATE;
    /**
     * A connection silent this long is replaced by a new one. Over a lossy path TCP sends a lost
     * packet again after 0.2 s, then waits twice as long each time: at 30 % loss each way one round
     * trip in two fails, and a connection that has lost five in a row waits 6 s and more for its
     * next try, where a new connection starts afresh. CI saw one silent for 31 s.
     */
    static final Duration RECONNECT = Duration.ofSeconds(8);
    /**
     * How long a node that stops answering is waited for, slow, before it is called unreachable:
     * time for several new connections; a node that is gone, or whose network is, stays silent.
     */
    static final Duration GONE = Duration.ofSeconds(45);
    /** A clock is set, or jumps, rarely: read with crm_mon no more often than this (and on each new connection). */
    static final Duration CLOCK_EVERY = Duration.ofMinutes(1);
    /** A change stream that ended is started again no sooner than this. */
    private static final Duration STREAM_RETRY = Duration.ofSeconds(10);

    private final NodeConnection connection;
    private final CommandRunner node;
    private final Clock clock;
    private final Duration commandTimeout;
    /** What the node runs, for this round: the connection's, shared with actions. */
    private NodeSoftware software;
    private Cib cib;
    private String cibChange;
    private NodeView last;
    private int readsSinceQuorum;
    private volatile CommandStream changes;
    private Instant streamStarted;
    private Instant lastRead = Instant.MIN;
    /** The node's clock as last read, and when; null and MIN until read on this connection. */
    private ClockOffset nodeClock;
    private Instant clockRead = Instant.MIN;
    private Instant hotUntil = Instant.MIN;
    private final AtomicBoolean changed = new AtomicBoolean();
    /** DRBD's stream reported something: worth a round, but no crm_mon read (a resync reports every 3 s). */
    private final AtomicBoolean drbdChanged = new AtomicBoolean();
    private final DrbdEventsFollower drbdEvents = new DrbdEventsFollower(this::drbdWake);
    private Instant drbdStreamStarted;
    private final Object wakeUp = new Object();
    private volatile boolean stopped;
    /** When the node last answered a whole round; null before the first. */
    private Instant answered;
    /** When the first of the rounds that got no answer in time began; null while it answers. */
    private Instant silentSince;
    /** The answered rounds of the last {@link LinkQuality#WINDOW}: when each ended and how long it took. */
    private final Deque<Round> rounds = new ArrayDeque<>();

    private record Round(Instant ended, Duration took) {
    }

    NodePoller(NodeConnection connection, Clock clock, Duration commandTimeout) {
        this.connection = connection;
        this.node = connection.runner();
        this.clock = clock;
        this.commandTimeout = commandTimeout;
        this.last = NodeView.connecting(node.node());
    }

    String host() {
        return node.node();
    }

    NodeView poll() {
        Instant now = clock.instant();
        try {
            pollOnce(now);
            answered(now);
        } catch (TransportException e) {
            if (e.kind() == TransportException.Kind.CONNECTION_LOST && answered != null) {
                // The connection broke under a node that answered: its sshd's session was killed (a
                // reboot, an admin) or sshd restarted. A new connection at once tells whether the node
                // still answers, and if not why (refused, a host key changed with a reinstall); a broken
                // connection is an answer, so one that cannot be replaced makes the node unreachable.
                stopFollowing();
                try {
                    pollOnce(now);
                    answered(now);
                } catch (TransportException again) {
                    String detail = e.detail() + "; a new connection: " + again.detail();
                    unreachable(again, new NodeError(host() + ": " + detail, detail));
                }
                return last;
            }
            Instant failed = clock.instant();
            boolean late = answered != null && mayBeLate(e);
            if (late && failed.isBefore(answered.plus(GONE))) {
                // Late, not gone: what it ran is kept; the node is waited for
                silentSince = silentSince == null ? now : silentSince;
                if (e instanceof CommandTimeoutException && !failed.isBefore(answered.plus(RECONNECT))) {
                    stopFollowing();
                    node.close();
                }
                last = last.slow(link(failed, Duration.between(answered, failed)));
            } else if (late) {
                // say how long it was waited for: the timeout alone reads as a moment
                String detail = "no answer for " + Duration.between(answered, failed).toSeconds() + " s (" + e.detail()
                        + ")";
                unreachable(e, new NodeError(host() + ": " + detail, detail));
            } else {
                unreachable(e, NodeError.of(e));
            }
        }
        return last;
    }

    /**
     * A timeout, of a command or of a new connection, may be a slow path; a refusal, a route or name
     * that is missing, a broken connection, a host key or login that fails are answers.
     */
    private static boolean mayBeLate(TransportException e) {
        if (e instanceof CommandTimeoutException) {
            return true;
        }
        if (e.kind() != TransportException.Kind.UNREACHABLE) {
            return false;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void pollOnce(Instant now) throws TransportException {
        try {
            software = connection.software();
            followChanges(now);
            followDrbd(now);
            drbdChanged.set(false);
            if (changed.getAndSet(false)) {
                hotUntil = now.plus(HOT);
            }
            if (mustRead(now)) {
                read(now);
            } else {
                confirm();
            }
        } catch (OutputTooLargeException e) {
            // it answered, with far too much: a tool gone wrong on a node that is there
            stopFollowing();
            last = new NodeView(host(), Reach.REACHABLE, last.answeredAt(), software != null ? software : last.software(),
                    null, null, null, cib, NodeError.of(e), null, nodeClock);
        } catch (ClusterCommandException | FormatException e) {
            last = new NodeView(host(), Reach.REACHABLE, last.answeredAt(), software != null ? software : last.software(),
                    null, null, null, cib, NodeError.of(e), null, nodeClock);
        }
    }

    private void unreachable(TransportException e, NodeError error) {
        if (e instanceof CommandTimeoutException) {
            // A node silent this long mid-command has died: start over with a fresh connection,
            // which fails fast (with backoff) instead of waiting on a dead one.
            node.close();
        }
        stopFollowing();
        // probed again once it answers: it may come back upgraded; the view keeps what it ran
        connection.lost();
        software = null;
        // a node that comes back may have been rebooted with another clock
        nodeClock = null;
        clockRead = Instant.MIN;
        answered = null;
        silentSince = null;
        rounds.clear();
        last = new NodeView(host(), Reach.UNREACHABLE, last.answeredAt(), last.software(), null, null, null, null,
                error);
    }

    /**
     * A round was answered: the node is slow while one in the window took longer than {@link
     * LinkQuality#LATE}. An answer after rounds that got none took from the first of those on.
     */
    private void answered(Instant started) {
        Instant now = clock.instant();
        // the first round after (re)connecting includes the connection and the probe: no measure of the path
        if (answered != null) {
            rounds.addLast(new Round(now, Duration.between(silentSince != null ? silentSince : started, now)));
        }
        answered = now;
        silentSince = null;
        LinkQuality link = link(now, Duration.ZERO);
        if (link.late() > 0 && last.reach() == Reach.REACHABLE) {
            last = last.slow(link);
        }
    }

    private LinkQuality link(Instant now, Duration silentFor) {
        while (!rounds.isEmpty() && rounds.peekFirst().ended().isBefore(now.minus(LinkQuality.WINDOW))) {
            rounds.removeFirst();
        }
        int late = 0;
        Duration slowest = Duration.ZERO;
        for (Round r : rounds) {
            if (r.took().compareTo(LinkQuality.LATE) > 0) {
                late++;
            }
            slowest = r.took().compareTo(slowest) > 0 ? r.took() : slowest;
        }
        return new LinkQuality(rounds.size(), late, slowest, silentFor);
    }

    private boolean mustRead(Instant now) {
        return changes == null || !changes.isOpen() || last.status() == null || last.error() != null
                || now.isBefore(hotUntil) || !now.isBefore(lastRead.plus(QUIET_REFRESH));
    }

    private void read(Instant now) throws TransportException, ClusterCommandException, FormatException {
        lastRead = now;
        ClusterStatus status = new StatusReader(node).read(connection.statusCommand().withTimeout(commandTimeout));
        NodeError problem = null;
        CorosyncQuorum quorum = last.quorum();
        if (quorum == null || ++readsSinceQuorum >= QUORUM_EVERY || !sameMembership(last.status(), status)) {
            readsSinceQuorum = 0;
            try {
                quorum = new QuorumReader(node).read();
            } catch (ClusterCommandException | FormatException e) {
                quorum = null;
                problem = NodeError.of(e);
            }
        }
        String change = status.summary().lastChange();
        if (cib == null || !Objects.equals(change, cibChange)) {
            cib = new CibReader(node).read();
            cibChange = change;
        }
        if (!now.isBefore(clockRead.plus(CLOCK_EVERY))) {
            clockRead = now;
            try {
                nodeClock = ClockOffset.read(software.nodeName(), node, clock);
            } catch (FormatException e) {
                nodeClock = null;
                problem = NodeError.of(e);
            }
        }
        DrbdStatus drbd = null;
        if (software.hasDrbd()) {
            drbd = drbdEvents.snapshot();
            if (drbd == null) {
                try {
                    drbd = new DrbdNodeReader(node).read();
                } catch (FormatException e) {
                    problem = NodeError.of(e);
                }
            }
        }
        last = new NodeView(host(), Reach.REACHABLE, clock.instant(), software, status, quorum, drbd, cib, problem, null,
                nodeClock);
    }

    /**
     * Nothing changed according to the stream: the status read before still holds if the node
     * answers. DRBD comes from its event stream where that runs; otherwise reading DRBD is the
     * answer.
     */
    private void confirm() throws TransportException {
        DrbdStatus drbd = last.drbd();
        NodeError problem = null;
        DrbdStatus streamed = software.hasDrbd() ? drbdEvents.snapshot() : null;
        if (streamed != null) {
            drbd = streamed;
            ping();
        } else if (software.hasDrbd()) {
            try {
                drbd = new DrbdNodeReader(node).read();
            } catch (FormatException e) {
                problem = NodeError.of(e);
            }
        } else {
            ping();
        }
        last = new NodeView(host(), Reach.REACHABLE, clock.instant(), software, last.status(), last.quorum(), drbd,
                cib, problem, null, nodeClock);
    }

    private void ping() throws TransportException {
        node.ping(commandTimeout.compareTo(PING_TIMEOUT) < 0 ? commandTimeout : PING_TIMEOUT);
    }

    /** Starts crm_mon's change stream where the node's Pacemaker has one, unless it runs or just ended. */
    private void followChanges(Instant now) {
        if (stopped || software.needsLegacyCrmMon() || (changes != null && changes.isOpen())
                || (streamStarted != null && now.isBefore(streamStarted.plus(STREAM_RETRY)))) {
            return;
        }
        streamStarted = now;
        try {
            CommandStream stream = node.follow(CrmMon.changes(), new OutputListener() {
                @Override
                public void output(String text) {
                    wake();
                }

                @Override
                public void ended(CommandResult result) {
                    // read at once, then every round until the stream runs again
                    wake();
                }

                @Override
                public void failed(TransportException problem) {
                    wake();
                }
            });
            changes = stream;
            if (stopped) {
                stopFollowing();
            }
        } catch (TransportException e) {
            // crm_mon is read every round instead; that read tells whether the node is reachable
            changes = null;
        }
    }

    /** Starts DRBD 9's event stream where the node has it, unless it runs or just ended. */
    private void followDrbd(Instant now) {
        if (stopped || !software.hasDrbd() || !software.drbd9() || drbdEvents.isOpen()
                || (drbdStreamStarted != null && now.isBefore(drbdStreamStarted.plus(STREAM_RETRY)))) {
            return;
        }
        drbdStreamStarted = now;
        try {
            drbdEvents.start(node, Drbd.events2Stream());
            if (stopped) {
                drbdEvents.close();
            }
        } catch (TransportException e) {
            // DRBD is read every round instead
        }
    }

    private void drbdWake() {
        drbdChanged.set(true);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void wake() {
        changed.set(true);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /**
     * Waits until the round due at {@code dueNanos} ({@link System#nanoTime()}), or until the change
     * stream reports something, but not before {@code earliestNanos}: a cluster that changes all the
     * time is read at most that often.
     *
     * @return false once stopped
     */
    boolean awaitNextRound(long dueNanos, long earliestNanos) throws InterruptedException {
        synchronized (wakeUp) {
            while (!stopped) {
                long now = System.nanoTime();
                boolean news = changed.get() || drbdChanged.get();
                if (now >= dueNanos || (news && now >= earliestNanos)) {
                    return true;
                }
                long until = news ? Math.min(dueNanos, earliestNanos) : dueNanos;
                TimeUnit.NANOSECONDS.timedWait(wakeUp, until - now);
            }
            return false;
        }
    }

    /** Ends waiting and the change stream; a poll under way finishes within its command timeout. */
    void stop() {
        stopped = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        stopFollowing();
    }

    private void stopFollowing() {
        drbdEvents.close();
        CommandStream stream = changes;
        changes = null;
        if (stream != null) {
            stream.close();
        }
    }

    /** Nodes up or down, quorum and DC as crm_mon saw them: what corosync's view would change with. */
    private static boolean sameMembership(ClusterStatus before, ClusterStatus now) {
        return before != null
                && before.nodes().stream().map(n -> n.name() + n.online()).toList()
                        .equals(now.nodes().stream().map(n -> n.name() + n.online()).toList())
                && Objects.equals(before.summary().quorum(), now.summary().quorum())
                && Objects.equals(before.summary().dcName(), now.summary().dcName());
    }
}
