package org.clusterdeck.cluster.setup;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;

/** Runs the real cluster tools (.ci/run installs them) on generated files in a test's directory. */
final class RealTools {
    private static final LocalProcessRunner RUNNER = new LocalProcessRunner();

    private RealTools() {
    }

    /** The tool's result, whatever its exit code; a tool that cannot be started fails the test. */
    static CommandResult run(Path cibFile, String... argv) {
        return run(command(cibFile, argv));
    }

    /** The same, failing the test with the tool's output unless it exits 0. */
    static CommandResult ok(Path cibFile, String... argv) {
        return ok(command(cibFile, argv));
    }

    /** The command as it is (environment, standard input), failing the test unless it exits 0. */
    static CommandResult ok(Command command) {
        CommandResult r = run(command);
        if (!r.ok()) {
            throw new AssertionError(command.display() + " exited " + r.exitCode() + ":\n" + r.stdout() + r.stderr());
        }
        return r;
    }

    static CommandResult run(Command command) {
        try {
            return RUNNER.run(command);
        } catch (TransportException e) {
            throw new IllegalStateException(command.argv().get(0) + " could not be run (.ci/run installs it): "
                    + e.getMessage(), e);
        }
    }

    // with CIB_file when the tool works on a CIB file instead of the live cluster
    private static Command command(Path cibFile, String... argv) {
        Command command = Command.of(argv);
        return cibFile == null ? command : command.withEnv("CIB_file", cibFile.toAbsolutePath().toString());
    }

    /**
     * An IPv4 address of this machine other than the loopback: corosync -t and drbdadm find the node
     * they run as by its address, so a test's node1 gets this one.
     */
    static String localIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (var a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        throw new IllegalStateException("the tests of generated files need an IPv4 address on this machine besides 127.0.0.1");
    }
}
