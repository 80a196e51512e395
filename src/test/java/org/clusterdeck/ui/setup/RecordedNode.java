package org.clusterdeck.ui.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.clusterdeck.cluster.setup.preflight.PreflightCommands;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * A bare lab guest as it answered the inventory's commands, replayed from what it printed
 * ({@code src/test/resources/setup/inventory/NODE/}, recorded with {@code lab/vm-up --bare}):
 * the wizard's pages tested on real nodes' offers without booting them. Anything else it was not
 * asked when recorded is refused, so a test cannot pass on an answer nobody saw.
 */
final class RecordedNode implements CommandRunner {
    private static final Path DIR = Path.of("src/test/resources/setup/inventory");
    private static final Map<String, String> FILES = Map.of(
            PreflightCommands.unameNode().display(), "uname-n.txt",
            PreflightCommands.addresses().display(), "ip-addr.json",
            PreflightCommands.blockDevices().display(), "lsblk.json",
            PreflightCommands.diskIds().display(), "disk-ids.txt");

    private final String host;
    private final Path dir;
    private final Map<String, String> answers;

    /** @param node the recorded guest's directory name; {@code host} how the test reaches it */
    RecordedNode(String node, String host) {
        this(node, host, Map.of());
    }

    /** As the recorded guest, but answering these commands (by their display) with this output instead. */
    RecordedNode(String node, String host, Map<String, String> answers) {
        this.host = host;
        this.dir = DIR.resolve(node);
        this.answers = Map.copyOf(answers);
    }

    /** The recorded guest as if it had no disk at all (a diskless node's lsblk lists none). */
    static RecordedNode diskless(String node, String host) {
        return new RecordedNode(node, host, Map.of(PreflightCommands.blockDevices().display(), "{\"blockdevices\": []}"));
    }

    @Override
    public String node() {
        return host;
    }

    @Override
    public CommandResult run(Command command) throws TransportException {
        String answer = answers.get(command.display());
        if (answer != null) {
            return new CommandResult(host, command.argv(), 0, answer, "", Duration.ZERO);
        }
        String file = FILES.get(command.display());
        if (file == null) {
            throw new TransportException(host, TransportException.Kind.FAILED, "not recorded: " + command.display());
        }
        try {
            return new CommandResult(host, command.argv(), 0, Files.readString(dir.resolve(file), StandardCharsets.UTF_8),
                    "", Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
