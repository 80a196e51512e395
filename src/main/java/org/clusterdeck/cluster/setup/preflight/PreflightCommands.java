package org.clusterdeck.cluster.setup.preflight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellScript;

/**
 * The read-only commands the setup pre-flight runs on a node, one small function per question.
 * None of them changes anything; {@code wipefs} only ever runs with {@code --no-act}.
 */
public final class PreflightCommands {
    private static final Duration QUICK = Duration.ofSeconds(5);
    /** Disk probes read the device; a slow or busy disk gets longer. */
    private static final Duration DISK = Duration.ofSeconds(20);
    private static final ShellScript SSH_CONNECTION = ShellScript.fixed("printf '%s\\n' \"$SSH_CONNECTION\"");

    /** Paths that exist, one a line, among those given as arguments (fixed text; the paths arrive as "$@"). */
    private static final ShellScript EXISTING = ShellScript.fixed(
            "for p in \"$@\"; do if [ -e \"$p\" ]; then printf '%s\\n' \"$p\"; fi; done; true");

    /** pgrep for exactly "$1" among the processes of its own PID namespace (fixed text; the name arrives as "$1"). */
    private static final ShellScript SAME_PID_NAMESPACE = ShellScript.fixed(
            "exec pgrep -x --ns \"$$\" --nslist pid \"$1\"");

    /** Where udev names disks by what they are rather than by the order the kernel found them. */
    static final String BY_ID = "/dev/disk/by-id";

    /**
     * Each by-id name with the device it leads to (fixed text). Nothing when the directory is not
     * there: a node whose disks report no serial (virtio without one) has none.
     */
    private static final ShellScript DISK_IDS = ShellScript.fixed("cd " + BY_ID + " 2>/dev/null || exit 0; for l in *; do"
            + " if [ -L \"$l\" ]; then printf '%s\\t%s\\n' \"$l\" \"$(readlink -f \"$l\")\"; fi; done");

    /**
     * The watchdog character devices, one a line, then {@code softdog} when that module is there
     * to load (fixed text).
     */
    private static final ShellScript WATCHDOGS = ShellScript.fixed("for w in /dev/watchdog*; do"
            + " if [ -c \"$w\" ]; then printf '%s\\n' \"$w\"; fi; done;"
            + " if modinfo -n softdog >/dev/null 2>&1; then echo softdog; fi; true");

    private PreflightCommands() {
    }

    /** What {@link Watchdog#parse} reads. */
    public static Command watchdogs() {
        return WATCHDOGS.run().withTimeout(QUICK);
    }

    /**
     * sshd's {@code SSH_CONNECTION} for this command: "client-address client-port server-address
     * server-port"; empty where the command did not come over SSH or sudo dropped it.
     */
    public static Command sshConnection() {
        return SSH_CONNECTION.run().withTimeout(QUICK);
    }

    /** The kernel's node name, the name corosync and DRBD's {@code on} section must use. */
    public static Command unameNode() {
        return Command.of("uname", "-n").withTimeout(QUICK);
    }

    public static Command hostname() {
        return Command.of("hostname").withTimeout(QUICK);
    }

    /** Exit 2 when the name does not resolve. */
    public static Command hostLookup(String name) {
        return Command.of("getent", "hosts", name).withTimeout(QUICK);
    }

    /** Exit 2 when the account does not exist. */
    public static Command account(String user) {
        return Command.of("getent", "passwd", user).withTimeout(QUICK);
    }

    /** {@code yes} or {@code no}; fails on a node without systemd. */
    public static Command timedatectlSynchronised() {
        return Command.of("timedatectl", "show", "-p", "NTPSynchronized", "--value").withTimeout(QUICK);
    }

    /** chrony's view, for nodes where timedatectl cannot answer; {@code -n}: no name lookups. */
    public static Command chronyTracking() {
        return Command.of("chronyc", "-n", "tracking").withTimeout(QUICK);
    }

    /** One state word a line, in the order of the units; fails without systemd. */
    public static Command unitsActive(List<String> units) {
        return Command.of("systemctl", prepend("is-active", units)).withTimeout(QUICK);
    }

    /**
     * Exit 0 when a process of exactly this name runs in the node's own PID namespace, 1 when none
     * does: a container's corosync, or a namespace lab's seen from its host, is not the node's.
     * The namespace is pgrep's own ({@code $$}, which {@code exec} makes pgrep's pid), not PID 1's:
     * a sandboxed init's namespace may be unreadable even to root.
     */
    public static Command processRunning(String name) {
        return SAME_PID_NAMESPACE.run("pgrep", List.of(name)).withTimeout(QUICK);
    }

    /** Which of the paths exist. */
    public static Command existing(List<String> paths) {
        return EXISTING.run(paths).withTimeout(QUICK);
    }

    public static Command readFile(String path) {
        return Command.of("cat", path).withTimeout(QUICK);
    }

    /** The device with its children (partitions, LVM volumes, RAID arrays on it); exit 32 when it is not a block device. */
    public static Command blockDevice(String disk) {
        return Command.of("lsblk", "--json", "--bytes", "--output", "NAME,PATH,SIZE,TYPE,RO,MOUNTPOINT", disk)
                .withTimeout(DISK);
    }

    /** Every block device of the node with its model and what udev found on it, children included. */
    public static Command blockDevices() {
        return Command.of("lsblk", "--json", "--bytes", "--output", "NAME,PATH,SIZE,TYPE,RO,MOUNTPOINT,MODEL,FSTYPE")
                .withTimeout(DISK);
    }

    public static Command diskIds() {
        return DISK_IDS.run().withTimeout(QUICK);
    }

    /** Every network interface with its addresses. */
    public static Command addresses() {
        return Command.of("ip", "-json", "addr", "show").withTimeout(QUICK);
    }

    /** Every signature on the device (filesystem, partition table, RAID, LVM), without erasing any. */
    public static Command signatures(String disk) {
        return Command.of("wipefs", "--no-act", "--json", disk).withTimeout(DISK);
    }

    /** The version of the DRBD module the kernel would load; exit 1 when there is none. */
    public static Command drbdModuleVersion() {
        return Command.of("modinfo", "-F", "version", "drbd").withTimeout(QUICK);
    }

    /** One line per package dpkg knows: name, status abbreviation, version, tab-separated. */
    public static Command dpkgVersions(List<String> packages) {
        return Command.of("dpkg-query", prepend(List.of("-W", "-f", "${Package}\\t${db:Status-Abbrev}\\t${Version}\\n"),
                packages)).withTimeout(QUICK);
    }

    /** What apt would install: its policy, whose Candidate line names the version ("(none)" without a source). */
    public static Command aptCandidate(String pkg) {
        return Command.of("apt-cache", "policy", pkg).withTimeout(QUICK);
    }

    /** One line per package: name and version-release, or rpm's "package X is not installed". */
    public static Command rpmVersions(List<String> packages) {
        return Command.of("rpm", prepend(List.of("-q", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n"), packages))
                .withTimeout(QUICK);
    }

    /** Listening TCP sockets and bound UDP sockets, numeric, without a header. */
    public static Command listening() {
        return Command.of("ss", "-H", "-lntu").withTimeout(QUICK);
    }

    private static List<String> prepend(String first, List<String> rest) {
        return prepend(List.of(first), rest);
    }

    private static List<String> prepend(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }
}
