package org.clusterdeck.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdeck.bench.Timing;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.ShellQuote;
import org.clusterdeck.transport.ssh.SshOptions;
import org.clusterdeck.transport.ssh.SshRunner;
import org.clusterdeck.transport.ssh.SshTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Round trip of the same commands over ClusterDeck's kept SSH connection and through one OpenSSH
 * {@code ssh} call per command, in the same run against the same lab node. Writes
 * target/benchmarks/ssh.md.
 */
@Tag("bench")
class SshRoundTripBenchmark extends LabTestBase {
    @Test
    void keptConnectionVersusSshPerCommand() throws Exception {
        lab.ok(Duration.ofSeconds(600), "up");
        Map<String, String> env = lab.env();
        String addr = env.get("LAB_ADDR_node1");
        List<Command> commands = List.of(Command.of("true"), Command.of("crm_mon", "-1", "--output-as=xml"));
        StringBuilder md = new StringBuilder("| command | kept connection, median (ms) | ssh per command, median (ms) | ratio |\n|---|---:|---:|---:|\n");
        try (SshRunner kept = new SshRunner(SshTarget.parse("root@" + addr, "root"),
                new SshOptions(List.of(Path.of(env.get("LAB_SSH_KEY"))), Path.of(env.get("LAB_KNOWN_HOSTS")), false, null))) {
            LocalProcessRunner local = new LocalProcessRunner();
            for (Command c : commands) {
                Command viaCli = new Command(concat(List.of("ssh", "-i", env.get("LAB_SSH_KEY"), "-o",
                        "UserKnownHostsFile=" + env.get("LAB_KNOWN_HOSTS"), "-o", "BatchMode=yes", "root@" + addr),
                        List.of(ShellQuote.join(c.argv()))), Map.of(), null, Command.DEFAULT_TIMEOUT);
                double k = Timing.medianMillis(5, 30, () -> kept.run(c));
                double s = Timing.medianMillis(5, 30, () -> local.run(viaCli));
                md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | 1/%.0f |%n", c.display(), k, s, s / k));
            }
        }
        System.out.println(md);
        Path out = Path.of("target/benchmarks/ssh.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
