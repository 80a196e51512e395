package org.clusterdeck.transport.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenSSH server on 127.0.0.1 and a free port, run in the foreground ({@code sshd -D -e})
 * with its own host keys (ssh-keygen, in its directory), config and authorized_keys; its log is
 * kept. Needs root (sshd's privilege separation) and /usr/sbin/sshd: {@link #assumeAvailable()}.
 */
public final class Sshd implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP = Path.of("/run/sshd");

    final Path dir;
    public final int port;
    final Path authorizedKeys;
    private final List<String> extraConfig;
    private final List<String> keyTypes;
    private Process process;
    private final StringBuffer log = new StringBuffer();

    /** Skips the calling test unless sshd can run here. */
    public static void assumeAvailable() {
        assumeTrue(Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
                "needs OpenSSH's sshd and ssh-keygen (apt-get install openssh-server)");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root: sshd runs its privilege separation as root");
    }

    /**
     * Host keys of {@code keyTypes} (e.g. ed25519, ecdsa, rsa; made unless {@code dir} has them);
     * {@code extraConfig}: further sshd_config lines.
     */
    public Sshd(Path dir, List<String> keyTypes, List<String> extraConfig) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.keyTypes = List.copyOf(keyTypes);
        this.extraConfig = List.copyOf(extraConfig);
        this.authorizedKeys = dir.resolve("authorized_keys");
        Files.writeString(authorizedKeys, "", StandardCharsets.UTF_8);
        for (String t : keyTypes) {
            if (!Files.exists(hostKey(t))) {
                keygen(hostKey(t), t);
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        start();
    }

    Path hostKey(String type) {
        return dir.resolve("ssh_host_" + type + "_key");
    }

    /** The public host key line ssh-keygen wrote: {@code type base64 comment}. */
    String hostPublicKey(String type) throws IOException {
        return Files.readString(Path.of(hostKey(type) + ".pub")).strip();
    }

    /** {@code type base64} of the host key, without the comment. */
    public String hostKeyEntry(String type) throws IOException {
        String[] f = hostPublicKey(type).split("\\s+");
        return f[0] + " " + f[1];
    }

    /** Lets the user key {@code privateKey} log in (as any user: root here). */
    public void authorize(Path privateKey) throws IOException {
        Files.writeString(authorizedKeys, Files.readString(Path.of(privateKey + ".pub")), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** What sshd logged since it was last started. */
    String log() {
        return log.toString();
    }

    void start() throws Exception {
        // sshd run by root needs its privilege separation directory, which systemd makes for its service
        // (RuntimeDirectory): on a machine where sshd never ran as a service it is missing
        Files.createDirectories(PRIVSEP);
        // sshd_config too keeps the first value obtained: the extra lines come first
        List<String> cfg = new ArrayList<>(extraConfig);
        cfg.addAll(List.of("ListenAddress 127.0.0.1", "Port " + port,
                "AuthorizedKeysFile " + authorizedKeys, "StrictModes no", "UsePAM no", "PidFile none",
                "PermitRootLogin yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes", "LogLevel VERBOSE"));
        for (String t : keyTypes) {
            cfg.add("HostKey " + hostKey(t));
        }
        Path config = dir.resolve("sshd_config");
        Files.write(config, cfg);
        log.setLength(0);
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString()).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    log.append(line).append('\n');
                    if (line.contains("Server listening on")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // sshd ended
            }
        }, "sshd log " + port);
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(15, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("sshd on port " + port + " did not start: " + log);
        }
    }

    /** Ends sshd and every session process it started, so open connections drop. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle c : children) {
            c.onExit().completeOnTimeout(c, 10, TimeUnit.SECONDS).join();
            c.destroyForcibly();
        }
        process = null;
    }

    /** A new host key of {@code type}, as after reinstalling the node; sshd restarts with it on the same port. */
    void replaceHostKey(String type) throws Exception {
        stop();
        Files.delete(hostKey(type));
        Files.delete(Path.of(hostKey(type) + ".pub"));
        keygen(hostKey(type), type);
        start();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A new key pair without passphrase at {@code file} (and {@code file.pub}). */
    public static Path keygen(Path file, String type) throws Exception {
        run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test", "-f", file.toString());
        return file;
    }

    /** Runs a local tool; its output, or an exception with it when it fails. */
    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
