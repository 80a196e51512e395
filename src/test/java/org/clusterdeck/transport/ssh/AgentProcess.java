package org.clusterdeck.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;

/** A real OpenSSH ssh-agent on a socket in a test's directory, ended by the test that started it. */
public final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final Path socket;

    public AgentProcess(Path dir) throws IOException, InterruptedException {
        socket = dir.resolve("agent.sock");
        process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        if (!Files.exists(socket)) {
            close();
            throw new IOException("ssh-agent did not create " + socket + ": " + Files.readString(dir.resolve("agent.log")));
        }
    }

    public Path socket() {
        return socket;
    }

    /** ssh-add FILE against this agent. */
    public void add(Path keyFile) throws TransportException {
        CommandResult r = new LocalProcessRunner().run(new Command(List.of("ssh-add", keyFile.toString()),
                Map.of("SSH_AUTH_SOCK", socket.toString()), null, Duration.ofSeconds(10)));
        assertEquals(0, r.exitCode(), r.stderr());
    }

    /** A new key without passphrase made by ssh-keygen: {@code type} is ed25519, ecdsa or rsa. */
    public static Path keygen(Path dir, String type, String passphrase) throws TransportException {
        Path key = dir.resolve("id_" + type + (passphrase.isEmpty() ? "" : "_protected"));
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase,
                "-C", "clusterdeck test " + type, "-f", key.toString()));
        CommandResult r = new LocalProcessRunner().run(new Command(argv, Map.of(), null, Duration.ofSeconds(30)));
        assertEquals(0, r.exitCode(), r.stderr());
        return key;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
