package org.clusterdeck.transport.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.userauth.UserAuthException;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.CommandStream;
import org.clusterdeck.transport.CommandTimeoutException;
import org.clusterdeck.transport.OutputDrain;
import org.clusterdeck.transport.OutputListener;
import org.clusterdeck.transport.ShellQuote;
import org.clusterdeck.transport.ShellScript;
import org.clusterdeck.transport.StreamPump;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.TransportException.Kind;

/**
 * Runs commands on one node over SSH: one connection, kept and reused, a new channel per command.
 * TCP_NODELAY is on (sshj leaves it off, which costs about 40 ms per small request), keepalives
 * find a dead peer, every command has a timeout, and after a failed connection attempt the next
 * one waits (1 s doubling to 30 s) so a dead node costs nothing while the others are watched.
 */
public final class SshRunner implements CommandRunner {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * Runs "$@" until it ends or standard input does, whichever comes first, and exits with its
     * code. The input is kept on descriptor 3 because a shell gives background jobs /dev/null.
     */
    private static final ShellScript UNTIL_INPUT_ENDS = ShellScript.fixed("exec 3<&0; \"$@\" </dev/null 3<&- & p=$!; "
            + "(while read -r _; do :; done <&3; kill \"$p\" 2>/dev/null) & w=$!; exec 3<&-; "
            + "wait \"$p\"; rc=$?; kill \"$w\" 2>/dev/null; exit \"$rc\"");

    private final SshAddress address;
    private final String defaultUser;
    private final SshOptions options;
    private final SshAuthenticator authenticator;
    /** The node after the ssh config; null when the config could not be read (then {@link #configProblem}). */
    private final SshConfig.Resolved resolved;
    private final String configProblem;
    private final String node;
    private SSHClient client;
    /** The connections to the jump hosts that carry {@link #client}'s tunnel, first hop first. */
    private final List<SSHClient> jumpClients = new ArrayList<>();
    private long nextAttemptNanos;
    private Duration backoff = Duration.ofSeconds(1);
    private TransportException lastFailure;

    /** Logs in with keys and the agent only: nobody is asked for a passphrase or password. */
    public SshRunner(SshTarget target, SshOptions options) {
        this(target, options, new SshAuthenticator(SshPrompter.NONE));
    }

    /** A node whose user and port are given; its host may still be an alias of the options' ssh config. */
    public SshRunner(SshTarget target, SshOptions options, SshAuthenticator authenticator) {
        this(SshAddress.of(target), target.user(), options, authenticator);
    }

    /**
     * A node as the admin named it: what the address leaves out comes from the options' ssh config
     * (HostName, User, Port, IdentityFile, UserKnownHostsFile, ProxyJump, …), else {@code defaultUser}
     * and port 22. The config is read here; what is wrong with it is reported when connecting.
     */
    public SshRunner(SshAddress address, String defaultUser, SshOptions options, SshAuthenticator authenticator) {
        this.address = address;
        this.defaultUser = defaultUser;
        this.options = options;
        this.authenticator = authenticator;
        SshConfig.Resolved r = null;
        String problem = null;
        try {
            r = options.sshConfig().resolve(address, defaultUser);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        this.resolved = r;
        this.configProblem = problem;
        this.node = r != null ? r.display() : address.withDefaults(defaultUser).display();
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        SSHClient ssh = connection();
        long start = System.nanoTime();
        String line = shellLine(command);
        Session session = null;
        try {
            session = ssh.startSession();
            Session.Command cmd = session.exec(line);
            // past the limit the command is killed, which ends the wait for it below
            Runnable stop = () -> {
                try {
                    cmd.signal(Signal.KILL);
                    cmd.close();
                } catch (IOException ignored) {
                    // the wait below ends with the command's timeout instead
                }
            };
            CompletableFuture<String> out = OutputDrain.start(cmd.getInputStream(), OutputDrain.LIMIT_BYTES, stop);
            CompletableFuture<String> err = OutputDrain.start(cmd.getErrorStream(), OutputDrain.LIMIT_BYTES, stop);
            try (OutputStream in = cmd.getOutputStream()) {
                if (command.stdin() != null) {
                    in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
                }
            }
            try {
                cmd.join(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ConnectionException e) {
                // a command stopped for printing too much ends its channel: that is the error to tell
                for (var stream : Map.of("stdout", out, "stderr", err).entrySet()) {
                    if (stream.getValue().isCompletedExceptionally()) {
                        OutputDrain.output(stream.getValue(), node(), command, stream.getKey());
                    }
                }
                if (System.nanoTime() - start < command.timeout().toNanos()) {
                    // sshj reports a dropped connection the same way as a timeout
                    throw e;
                }
                // Closing a channel waits for the remote side, so a hung tool is sent KILL (where
                // sshd honours signals) and its channel is closed in the background.
                try {
                    cmd.signal(Signal.KILL);
                } catch (IOException ignored) {
                    // the background close still ends the channel, only later
                }
                Session hung = session;
                session = null;
                CompletableFuture.runAsync(() -> closeQuietly(hung), OutputDrain.executor());
                throw new CommandTimeoutException(node(), command);
            }
            String stdout = OutputDrain.output(out, node(), command, "stdout");
            String stderr = OutputDrain.output(err, node(), command, "stderr");
            Integer exit = cmd.getExitStatus();
            if (exit == null) {
                throw new TransportException(node(), Kind.FAILED, "'" + command.display()
                        + "' ended without an exit status"
                        + (cmd.getExitSignal() != null ? " (killed by signal " + cmd.getExitSignal() + ")" : ""));
            }
            if (needsSudo() && exit == 1 && stderr.contains("a password is required")) {
                throw new TransportException(node(), Kind.SUDO_PASSWORD, "sudo asks " + user()
                        + " for a password: allow the cluster tools with NOPASSWD in sudoers, or log in as root");
            }
            return new CommandResult(node(), command.argv(), exit, stdout, stderr,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (TransportException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(node(), Kind.CANCELLED, "'" + command.display() + "' cancelled", e);
        } catch (Exception e) {
            if (isTimeout(e)) {
                // sshd did not open the command's channel or take the command in time: the node is
                // slow or gone, which the caller tells apart; the connection is kept
                Session hung = session;
                session = null;
                CompletableFuture.runAsync(() -> closeQuietly(hung), OutputDrain.executor());
                throw new CommandTimeoutException(node(), command);
            }
            throw connectionLost("'" + command.display() + "' failed", e);
        } finally {
            closeQuietly(session);
        }
    }

    /**
     * Follows a command on its own channel of the kept connection. OpenSSH leaves a command that
     * has no terminal running when its channel closes (and the lab's sshd ignored a TERM request),
     * so the command runs under a small shell that reads the channel's input to its end and then
     * stops it: closing the stream, or losing the connection, ends the command on the node.
     */
    @Override
    public CommandStream follow(Command command, OutputListener listener) throws TransportException {
        if (command.stdin() != null) {
            throw new IllegalArgumentException("a followed command gets no input: " + command.display());
        }
        List<String> guarded = UNTIL_INPUT_ENDS.run(command.argv()).argv();
        String line = shellLine(new Command(guarded, command.env(), null, command.timeout()));
        SSHClient ssh = connection();
        Session session = null;
        Session.Command cmd;
        try {
            session = ssh.startSession();
            cmd = session.exec(line);
        } catch (IOException e) {
            closeQuietly(session);
            throw connectionLost("'" + command.display() + "' could not start", e);
        }
        Session channel = session;
        AtomicBoolean open = new AtomicBoolean(true);
        StreamPump.start(node(), command, cmd.getInputStream(), cmd.getErrorStream(), () -> exitStatus(cmd, command),
                listener, open::get);
        return new CommandStream() {
            @Override
            public boolean isOpen() {
                return open.get() && cmd.isOpen();
            }

            @Override
            public void close() {
                if (open.getAndSet(false)) {
                    CompletableFuture.runAsync(() -> {
                        try {
                            cmd.getOutputStream().close();
                        } catch (IOException e) {
                            // the channel is gone already, and the command with it
                        }
                        closeQuietly(channel);
                    }, OutputDrain.executor());
                }
            }
        };
    }

    /** How a followed command ended, once its output is finished. */
    private int exitStatus(Session.Command cmd, Command command) throws TransportException {
        try {
            cmd.join(5, TimeUnit.SECONDS);
        } catch (ConnectionException e) {
            // no exit status within the grace time: judged below
        }
        Integer exit = cmd.getExitStatus();
        if (exit != null) {
            return exit;
        }
        if (cmd.getExitSignal() != null) {
            throw new TransportException(node(), Kind.FAILED, "'" + command.display() + "' was killed by signal "
                    + cmd.getExitSignal());
        }
        disconnect();
        throw new TransportException(node(), Kind.CONNECTION_LOST, "'" + command.display()
                + "' stopped: connection lost");
    }

    @Override
    public void openConnection() throws TransportException {
        connection();
    }

    /**
     * Sends a keepalive request and waits for the answer. OpenSSH answers it with a refusal (it
     * knows no such request), which proves the node is there just as well: only silence counts.
     */
    @Override
    public void ping(Duration timeout) throws TransportException {
        SSHClient ssh = connection();
        try {
            ssh.getConnection().sendGlobalRequest("keepalive@openssh.com", true, new byte[0])
                    .retrieve(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ConnectionException e) {
            if (isTimeout(e)) {
                throw new CommandTimeoutException(node(), "keepalive", timeout);
            }
            if (!ssh.isConnected()) {
                throw connectionLost("keepalive failed", e);
            }
        } catch (IOException e) {
            throw connectionLost("keepalive failed", e);
        }
    }

    /** Drops what is left of the connection, so the next command connects again, and says what broke off. */
    private TransportException connectionLost(String what, Exception e) {
        disconnect();
        return new TransportException(node(), Kind.CONNECTION_LOST, what + ": connection lost (" + describe(e) + ")", e);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Session session) {
        if (session != null) {
            try {
                session.close();
            } catch (IOException | RuntimeException e) {
                // the channel or the whole connection is already gone
            }
        }
    }

    /** The command as the remote shell receives it. */
    String shellLine(Command command) {
        Command run = asRun(command);
        // the standard input goes over the channel: a shown one is not repeated as a here-document
        return ShellQuote.commandLine(new Command(run.argv(), run.env(), run.stdin(), run.timeout()));
    }

    /** Non-root users run the tools through {@code sudo -n}, which never waits for a password. */
    @Override
    public Command asRun(Command command) {
        if (!needsSudo()) {
            return command;
        }
        List<String> argv = new ArrayList<>(List.of("sudo", "-n", "--"));
        if (!command.env().isEmpty()) {
            // sudo resets the environment; env(1) sets it again for the tool
            argv.add("env");
            for (Map.Entry<String, String> e : new TreeMap<>(command.env()).entrySet()) {
                argv.add(e.getKey() + "=" + e.getValue());
            }
        }
        argv.addAll(command.argv());
        return new Command(argv, Map.of(), command.stdin(), command.timeout(), command.shownStdin());
    }

    private boolean needsSudo() {
        return !"root".equals(user());
    }

    /** The login user: the address's, the ssh config's, or the default. */
    private String user() {
        return resolved != null ? resolved.user() : address.withDefaults(defaultUser).user();
    }

    private synchronized SSHClient connection() throws TransportException {
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        disconnect();
        long now = System.nanoTime();
        if (lastFailure != null && now < nextAttemptNanos) {
            throw TransportException.notRetriedYet(lastFailure, Duration.ofNanos(nextAttemptNanos - now));
        }
        try {
            client = connect();
            lastFailure = null;
            backoff = Duration.ofSeconds(1);
            return client;
        } catch (TransportException e) {
            lastFailure = e;
            nextAttemptNanos = System.nanoTime() + backoff.toNanos();
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            throw e;
        }
    }

    private SSHClient connect() throws TransportException {
        if (configProblem != null) {
            throw new TransportException(node(), Kind.FAILED, configProblem);
        }
        List<SshConfig.Resolved> jumps;
        try {
            jumps = jumpHosts(options.jumps().isEmpty() ? resolved.proxyJump() : options.jumps(), 0);
        } catch (IllegalArgumentException e) {
            throw new TransportException(node(), Kind.FAILED, e.getMessage());
        }
        try {
            SSHClient previous = null;
            SshConfig.Resolved previousHop = null;
            for (SshConfig.Resolved hop : jumps) {
                previous = open(hop, tunnel(previous, previousHop, hop), "jump host " + hop.display() + ": ");
                previousHop = hop;
                jumpClients.add(previous);
            }
            return open(resolved, tunnel(previous, previousHop, resolved), "");
        } catch (TransportException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * The jump hosts in the order they are connected, as OpenSSH runs ProxyJump: the first hop is
     * resolved through the ssh config with its own ProxyJump (reached through that first), the
     * later hops without theirs (ssh is given the earlier hops as -J for them).
     */
    private List<SshConfig.Resolved> jumpHosts(List<SshAddress> hops, int depth) {
        if (hops.isEmpty()) {
            return List.of();
        }
        if (depth > 8) {
            throw new IllegalArgumentException("ProxyJump leads through more than 8 jump hosts (a loop?): "
                    + hops.get(0).display());
        }
        List<SshConfig.Resolved> out = new ArrayList<>();
        SshConfig.Resolved first = options.sshConfig().resolve(hops.get(0), defaultUser);
        out.addAll(jumpHosts(first.proxyJump(), depth + 1));
        out.add(first);
        for (SshAddress hop : hops.subList(1, hops.size())) {
            out.add(options.sshConfig().resolve(hop, defaultUser));
        }
        return out;
    }

    /** A tunnel through {@code via} to {@code to}; null to connect directly. */
    private DirectConnection tunnel(SSHClient via, SshConfig.Resolved viaHop, SshConfig.Resolved to)
            throws TransportException {
        if (via == null) {
            return null;
        }
        try {
            return via.newDirectConnection(to.hostName(), to.port());
        } catch (IOException e) {
            throw new TransportException(node(), Kind.UNREACHABLE, "jump host " + viaHop.display() + " cannot reach "
                    + to.hostName() + ":" + to.port() + " (" + describe(e) + ")", e);
        }
    }

    static {
        // The JDK's own providers have what SSH needs here (Ed25519, X25519, ECDSA and ECDH with the
        // alias below, RSA, AES-CTR and -GCM; not chacha20-poly1305, which sshj then leaves out).
        // Registering BouncyCastle as a provider loads some 700 classes of algorithms, about 250 ms of
        // every one-shot command; sshj uses BouncyCastle's classes directly where the JDK has nothing
        // (passphrase-protected PEM and PuTTY key files).
        SecurityUtils.setRegisterBouncyCastle(false);
        EcdsaKeyFactoryAlias.install();
    }

    /**
     * Connects to {@code to}, directly or through a tunnel of the jump host before it, verifies its
     * host key against its known_hosts files and logs in with its keys; {@code role} prefixes every
     * message about it ("jump host …: ").
     */
    private SSHClient open(SshConfig.Resolved to, DirectConnection tunnel, String role) throws TransportException {
        DefaultConfig config = new NodeSshConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        // host certificates are checked by the verifier, against known_hosts' CAs, for every key exchange
        config.setVerifyHostKeyCertificates(false);
        SSHClient ssh = new SSHClient(config);
        List<Path> knownHosts = options.knownHosts() != null ? List.of(options.knownHosts()) : to.userKnownHostsFiles();
        KnownHostsVerifier verifier;
        try {
            verifier = new KnownHostsVerifier(knownHosts, to.globalKnownHostsFiles(), to.hostKeyAlias(),
                    to.hashKnownHosts(), options.acceptNewHostKey(), authenticator.prompter());
        } catch (IllegalArgumentException e) {
            throw new TransportException(node(), Kind.FAILED, role + e.getMessage());
        }
        ssh.addHostKeyVerifier(verifier);
        ssh.setSocketFactory(NO_DELAY);
        ssh.setConnectTimeout((int) options.connectTimeout().toMillis());
        ssh.setTimeout((int) options.connectTimeout().toMillis());
        try {
            if (tunnel == null) {
                ssh.connect(to.hostName(), to.port());
            } else {
                ssh.connectVia(tunnel);
            }
        } catch (IOException e) {
            close(ssh);
            if (verifier.rejection() != null) {
                throw new TransportException(node(), Kind.HOST_KEY, role + verifier.rejection().getMessage(),
                        verifier.rejection());
            }
            if (verifier.failure() != null) {
                throw new TransportException(node(), Kind.FAILED, role + verifier.failure(), e);
            }
            throw new TransportException(node(), Kind.UNREACHABLE, role + "cannot connect: " + describe(e)
                    + unknownAlias(to, e), e);
        }
        ssh.getConnection().getKeepAlive().setKeepAliveInterval(5);
        // sshj waits 30 s for a channel to open and a command to be taken: a node that does not
        // answer those in the time it may take to connect is slow or gone (see run)
        ssh.getConnection().setTimeoutMs((int) options.connectTimeout().toMillis());
        List<Path> keys = new ArrayList<>(options.identityFiles());
        to.identityFiles().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        try {
            authenticator.login(ssh, to.target(), options, keys);
        } catch (UserAuthException e) {
            close(ssh);
            throw new TransportException(node(), Kind.LOGIN_REFUSED, role + e.getMessage(), e);
        } catch (IOException e) {
            close(ssh);
            throw new TransportException(node(), Kind.CONNECTION_LOST, role + "cannot log in: " + describe(e), e);
        }
        return ssh;
    }

    /** For a name that is no address: where an alias for it was looked for. */
    private String unknownAlias(SshConfig.Resolved to, Throwable e) {
        boolean unknownHost = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            unknownHost |= t instanceof UnknownHostException;
        }
        if (!unknownHost || !to.hostName().equals(to.alias().toLowerCase(java.util.Locale.ROOT))) {
            return "";
        }
        List<Path> files = options.sshConfig().files();
        return files.isEmpty() ? " (no ssh config was read for a Host alias)"
                : " (nor is it a Host alias in " + files.stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "connection refused (is sshd running?)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer (timed out)";
            }
        }
        String m = e.getMessage();
        if (m != null && m.contains("identification")) {
            return "no SSH server answered (the connection closed before the SSH greeting)";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private synchronized void disconnect() {
        if (client != null) {
            close(client);
            client = null;
        }
        for (int i = jumpClients.size() - 1; i >= 0; i--) {
            close(jumpClients.get(i));
        }
        jumpClients.clear();
    }

    private static void close(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException | RuntimeException e) {
            // already gone; nothing to release
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    private static final SocketFactory NO_DELAY = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new UnsupportedOperationException("sshj connects unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            throw new UnsupportedOperationException("sshj connects unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new UnsupportedOperationException("sshj connects unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            throw new UnsupportedOperationException("sshj connects unconnected sockets");
        }
    };
}
