package org.clusterdeck.cluster.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clusterdeck.cluster.command.ActionInput;
import org.clusterdeck.cluster.command.StonithAdmin;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellScript;

/**
 * The setup's commands, one small function each, as argument lists. Where a step needs the shell
 * (a loop, a comparison, a redirection) the script is written out here in full and its values
 * travel as arguments ({@link ShellScript#run(String, List)}), never spliced into its text.
 */
final class SetupCommands {
    static final Duration PACKAGES_TIMEOUT = Duration.ofMinutes(15);
    static final Duration MKFS_TIMEOUT = Duration.ofMinutes(10);
    /** crmsh and pcs are Python programs that take seconds to start on a slow node, and run Pacemaker's tools under them. */
    static final Duration SHELL_TIMEOUT = Duration.ofMinutes(2);

    private SetupCommands() {
    }

    // ---- packages

    static Command refreshPackageLists(NodeGeneration.PackageManager pm) {
        return pm == NodeGeneration.PackageManager.APT
                ? Command.of("apt-get", "update", "-q").withTimeout(PACKAGES_TIMEOUT)
                : Command.of("dnf", "makecache", "-q").withTimeout(PACKAGES_TIMEOUT);
    }

    /** Installs the packages; both managers leave installed ones as they are, so only what is missing comes in. */
    static Command install(NodeGeneration.PackageManager pm, List<String> packages) {
        Command c = pm == NodeGeneration.PackageManager.APT
                ? Command.of("apt-get", concat(List.of("install", "-y", "-q", "--no-install-recommends"), packages))
                        .withEnv("DEBIAN_FRONTEND", "noninteractive")
                : Command.of("dnf", concat(List.of("install", "-y", "-q"), packages));
        return c.withTimeout(PACKAGES_TIMEOUT);
    }

    static Command remove(NodeGeneration.PackageManager pm, List<String> packages) {
        Command c = pm == NodeGeneration.PackageManager.APT
                ? Command.of("apt-get", concat(List.of("remove", "-y", "-q"), packages))
                        .withEnv("DEBIAN_FRONTEND", "noninteractive")
                : Command.of("dnf", concat(List.of("remove", "-y", "-q"), packages));
        return c.withTimeout(PACKAGES_TIMEOUT);
    }

    /** Exit 0 when every package is installed (a removed package whose config is left counts as missing). */
    static Command installed(NodeGeneration.PackageManager pm, List<String> packages) {
        if (pm == NodeGeneration.PackageManager.DNF) {
            return Command.of("rpm", concat(List.of("-q", "--quiet"), packages));
        }
        return ShellScript.fixed("for p in \"$@\"; do"
                + " dpkg-query -W -f='${Status}' \"$p\" 2>/dev/null | grep -q 'install ok installed' || exit 1;"
                + " done").run("packages-installed", packages);
    }

    /** One line per package, name and version, for comparing the nodes. */
    static Command versions(NodeGeneration.PackageManager pm, List<String> packages) {
        return pm == NodeGeneration.PackageManager.APT
                ? Command.of("dpkg-query", concat(List.of("-W", "-f", "${Package} ${Version}\\n"), packages))
                : Command.of("rpm", concat(List.of("-q", "--qf", "%{NAME} %{VERSION}-%{RELEASE}\\n"), packages));
    }

    /** The account's uid and gid as {@code UID:GID}; nothing when there is no such account. */
    static Command accountIds(String user) {
        return ShellScript.fixed("getent passwd \"$1\" | cut -d: -f3,4").run("account-ids", List.of(user));
    }

    // ---- services

    // systemd runs a SysV script's enabling through systemd-sysv-install and waits for the unit to
    // stop: seen taking over 30 s for isc-dhcp-server on an emulated Debian 12 guest
    static final Duration SERVICES_TIMEOUT = Duration.ofMinutes(3);

    static Command disableNow(List<String> services) {
        return Command.of("systemctl", concat(List.of("disable", "--now"), services)).withTimeout(SERVICES_TIMEOUT);
    }

    static Command enable(List<String> services) {
        return Command.of("systemctl", concat(List.of("enable"), services)).withTimeout(SERVICES_TIMEOUT);
    }

    static Command disable(List<String> services) {
        return Command.of("systemctl", concat(List.of("disable"), services)).withTimeout(SERVICES_TIMEOUT);
    }

    static Command enabled(String service) {
        return Command.of("systemctl", "is-enabled", "--quiet", service);
    }

    static Command enableNow(List<String> services) {
        return Command.of("systemctl", concat(List.of("enable", "--now"), services)).withTimeout(SERVICES_TIMEOUT);
    }

    static Command stop(List<String> services) {
        return Command.of("systemctl", concat(List.of("stop"), services)).withTimeout(SERVICES_TIMEOUT);
    }

    /** Exit 0 when none of the services starts at boot or runs now. */
    static Command servicesOff(List<String> services) {
        return ShellScript.fixed("for s in \"$@\"; do"
                + " systemctl is-enabled --quiet \"$s\" 2>/dev/null && exit 1;"
                + " systemctl is-active --quiet \"$s\" && exit 1;"
                + " done; exit 0").run("services-off", services);
    }

    static Command servicesActive(List<String> services) {
        return Command.of("systemctl", concat(List.of("is-active", "--quiet"), services));
    }

    // ---- firewall: firewalld or ufw, whichever is active; with neither there is nothing to open

    private static final String FIREWALL = "if systemctl is-active --quiet firewalld; then fw=firewalld;"
            + " elif command -v ufw >/dev/null && ufw status | grep -q '^Status: active'; then fw=ufw;"
            + " else fw=none; fi; ";

    static Command openPorts(List<String> ports) {
        return ShellScript.fixed(FIREWALL + "for p in \"$@\"; do case $fw in"
                + " firewalld) firewall-cmd --quiet --permanent --add-port=\"$p\" || exit;;"
                + " ufw) ufw allow \"$p\" || exit;; esac; done;"
                + " if [ $fw = firewalld ]; then firewall-cmd --quiet --reload; fi").run("open-ports", ports);
    }

    static Command closePorts(List<String> ports) {
        return ShellScript.fixed(FIREWALL + "for p in \"$@\"; do case $fw in"
                + " firewalld) firewall-cmd --quiet --permanent --remove-port=\"$p\";;"
                + " ufw) ufw delete allow \"$p\";; esac; done;"
                + " if [ $fw = firewalld ]; then firewall-cmd --quiet --reload; fi").run("close-ports", ports);
    }

    /** Exit 0 when no firewall is active or every port is open in it. */
    static Command portsOpen(List<String> ports) {
        return ShellScript.fixed(FIREWALL + "for p in \"$@\"; do case $fw in"
                + " firewalld) firewall-cmd --quiet --query-port=\"$p\" || exit 1;;"
                + " ufw) ufw status | grep -q \"^$p \" || exit 1;; esac; done; exit 0").run("ports-open", ports);
    }

    // ---- files

    /** Writes the file's text (from standard input), keeping the original as its backup. */
    static Command writeFile(PlannedFile file) {
        if (file.content() == null) {
            throw new IllegalArgumentException(file.path() + " on " + file.node() + " has no text to write");
        }
        return install(file, "cat").withStdin(file.content());
    }

    /**
     * Writes a file copied from another node: its standard input is the output of
     * {@link #readFileBase64} there (base64, since a key is binary and stdin is text).
     */
    static Command receiveFile(PlannedFile file) {
        if (file.copiedFrom() == null) {
            throw new IllegalArgumentException(file.path() + " on " + file.node() + " is not copied from another node");
        }
        return install(file, "base64 -d");
    }

    static Command readFileBase64(String path) {
        return Command.of("base64", "-w0", path);
    }

    // the original copied to the backup once (a resumed run must not back up its own file), the new
    // text written beside and renamed over, so a broken connection never leaves half a file; then
    // synced, since a node may be fenced (its power cut) right after: the fence test found
    // corosync's authkey empty after one
    private static Command install(PlannedFile file, String fromStdin) {
        return ShellScript.fixed("if [ -e \"$1\" ] && [ ! -e \"$2\" ]; then cp -a \"$1\" \"$2\" || exit; fi;"
                        + " umask 077; " + fromStdin + " > \"$1.clusterdeck-new\" && chmod \"$3\" \"$1.clusterdeck-new\""
                        + " && mv -f \"$1.clusterdeck-new\" \"$1\" && sync")
                .run("write-file", List.of(file.path(), file.backupPath(), file.mode()));
    }

    /** Exit 0 when the file holds exactly this text. */
    static Command sameContent(String path, String content) {
        return Command.of("cmp", "-s", path, "-").withStdin(content);
    }

    /** The undo of {@link #writeFile}: the original back, or no file where there was none. */
    static Command restoreFile(PlannedFile file) {
        return ShellScript.fixed("if [ -e \"$2\" ]; then mv -f \"$2\" \"$1\"; else rm -f \"$1\"; fi")
                .run("restore-file", List.of(file.path(), file.backupPath()));
    }

    // ---- corosync

    static Command corosyncKeygen() {
        return Command.of("corosync-keygen");
    }

    /** Exit 0 when corosync counts this many joined members. */
    static Command corosyncMembers(int count) {
        return ShellScript.fixed("test \"$(corosync-cmapctl -b runtime.members | grep -c 'status (str) = joined')\""
                + " -eq \"$1\"").run("corosync-members", List.of(Integer.toString(count)));
    }

    // ---- SBD

    /** Writes SBD's header and message slots on the shared disk: destroys what the disk held. */
    static Command sbdCreate(String device) {
        return Command.of("sbd", "-d", device, "create");
    }

    /** Exit 0 when the disk carries SBD's header. */
    static Command sbdHeader(String device) {
        return Command.of("sbd", "-d", device, "dump");
    }

    // ---- DRBD: the resource for whole-resource commands, a connection where one is meant

    /** What drbdadm's connection commands take: {@code r0} on 8.4, {@code r0:PEER} on 9. */
    static String connection(String resource, String peer, boolean drbd9) {
        return drbd9 ? resource + ":" + peer : resource;
    }

    static Command drbdadm(String command, String target) {
        return Command.of("drbdadm", command, target).withTimeout(Duration.ofMinutes(2));
    }

    /** Writes DRBD's metadata onto the backing disk: destroys what the disk's end held. */
    static Command createMd(String resource) {
        return Command.of("drbdadm", "create-md", "--force", resource).withTimeout(Duration.ofMinutes(2));
    }

    /**
     * Makes this node the initial sync's source while both disks are still Inconsistent (new
     * metadata; the nodes must be connected, or the peer's disk is not known): its disk becomes
     * UpToDate and the peer's is overwritten. Once a sync has begun the disks are no longer both
     * Inconsistent, and a resumed run leaves them to DRBD.
     */
    static Command startInitialSync(String resource) {
        return ShellScript.fixed("if [ \"$(drbdadm dstate \"$1\")\" = Inconsistent/Inconsistent ];"
                + " then drbdadm primary --force \"$1\"; fi").run("start-initial-sync", List.of(resource));
    }

    /** Exit 0 when the connection is up and both disks are UpToDate. */
    static Command drbdInSync(String resource, String connection) {
        return ShellScript.fixed("test \"$(drbdadm cstate \"$2\")\" = Connected"
                + " && test \"$(drbdadm dstate \"$1\")\" = UpToDate/UpToDate")
                .run("drbd-in-sync", List.of(resource, connection));
    }

    // ---- filesystem

    static Command mkfs(String type, String device) {
        return Command.of("mkfs." + type, "-q", device).withTimeout(MKFS_TIMEOUT);
    }

    /**
     * Exit 0 when the disk carries this signature ({@code drbd} for DRBD's metadata, a filesystem
     * type), probed directly. The buffers are flushed first: DRBD writes to its backing disk past the
     * disk's own page cache, which may still hold what a read before saw. Only this type is probed,
     * since blkid reports a disk with DRBD metadata as DRBD alone.
     */
    static Command hasSignature(String disk, String type) {
        return ShellScript.fixed("if [ -b \"$1\" ]; then blockdev --flushbufs \"$1\" || exit; fi;"
                        + " test \"$(blkid -p -n \"$2\" -s TYPE -o value \"$1\")\" = \"$2\"")
                .run("has-signature", List.of(disk, type));
    }

    static Command mkdir(String directory) {
        return Command.of("mkdir", "-p", directory);
    }

    static Command mount(String device, String directory) {
        return Command.of("mount", device, directory);
    }

    static Command umount(String directory) {
        return Command.of("umount", directory);
    }

    /** The leases directory, owned by the account dhcpd drops to. */
    static Command ownedDirectory(String directory, String owner) {
        return Command.of("install", "-d", "-o", owner, "-g", owner, "-m", "0755", directory);
    }

    // ---- DHCP

    static Command dhcpdTest(String config) {
        return Command.of("dhcpd", "-t", "-q", "-cf", config);
    }

    // ---- fencing

    /** A fence device's status answer: a BMC that does not answer takes its agent's own retries (about 20 s). */
    static final Duration FENCE_STATUS_TIMEOUT = Duration.ofSeconds(60);
    static final Duration QUICK_CHECK = Duration.ofSeconds(10);

    /** Fences the node through the cluster's fencer, as a lost node would be. */
    static Command fence(String node) {
        return StonithAdmin.fence(node, false);
    }

    /** Exit 0 when the tool is on the node's PATH. */
    static Command hasTool(String tool) {
        return ShellScript.fixed("command -v \"$1\" >/dev/null").run("has-tool", List.of(tool)).withTimeout(QUICK_CHECK);
    }

    /**
     * The fence agent's {@code status} action: it asks the device whether the node's power is on,
     * and changes nothing. The parameters go on standard input, as Pacemaker's fencer passes them,
     * so a password is neither in the process list nor in the audit log. Exit 0: on; 2: off.
     */
    static Command fenceStatus(String agent, java.util.Map<String, String> parameters) {
        StringBuilder in = new StringBuilder();
        parameters.forEach((k, v) -> in.append(k).append('=').append(v).append('\n'));
        in.append("action=status\n");
        return Command.of(agent).withStdin(in.toString()).withTimeout(FENCE_STATUS_TIMEOUT);
    }

    /**
     * Exit 0 when the fencer's history holds a successful reboot of the node. With {@code --verbose}:
     * without it the history shows one success per target, not necessarily this one.
     */
    static Command fencedOnce(String node) {
        return ShellScript.fixed("stonith_admin --history \"$1\" --verbose --output-as=xml | grep '<fence_event '"
                + " | grep 'action=\"reboot\"' | grep -q 'status=\"success\"'").run("fenced-once", List.of(node));
    }

    /** Exit 0 when Pacemaker has the node online. */
    static Command online(String node) {
        return ShellScript.fixed("crm_mon -1 --output-as=xml | grep -Eq \"<node name=\\\"$1\\\"[^>]* online=\\\"true\\\"\"")
                .run("node-online", List.of(node));
    }

    /** Exit 0 when the node's own Pacemaker runs: it answers again after a reboot. */
    static Command pacemakerRuns() {
        return Command.of("systemctl", "is-active", "--quiet", "pacemaker");
    }

    // ---- CIB

    /** The live CIB saved to a file, for staging changes on a copy ({@code CIB_file}). */
    static Command saveCib(String copy) {
        return Command.of("crm_simulate", "--live-check", "--save-input", copy);
    }

    static Command modifyConfiguration(String fragment) {
        return Command.of("cibadmin", "--modify", "--scope", "configuration", "--xml-text", fragment);
    }

    static Command verifyCib() {
        return Command.of("crm_verify", "--live-check");
    }

    static Command predict(String copy) {
        return Command.of("crm_simulate", "--simulate", "--xml-file", copy);
    }

    /**
     * Exit 0 when the configuration has an element with this id. Only the configuration: the status
     * section keeps a resource's operation history under the same id after the resource is gone.
     */
    static Command cibHas(String id) {
        return Command.of("cibadmin", "--query", "--xpath", configured(id));
    }

    static Command cibDelete(String id) {
        return Command.of("cibadmin", "--delete", "--xpath", configured(id));
    }

    private static String configured(String id) {
        return "/cib/configuration//*[@id='" + ActionInput.id("id", id) + "']";
    }

    /** Exit 0 when the resource runs somewhere ({@code promoted}: its Promoted instance). */
    static Command running(String resource, boolean promoted) {
        return ShellScript.fixed("crm_resource --locate --resource \"$1\" | grep -Eq \"$2\"")
                .run("running", List.of(ActionInput.id("id", resource),
                        promoted ? "is running on: .*(Promoted|Master)" : "is running on"));
    }

    static Command propertyDelete(String name) {
        return Command.of("crm_attribute", "--type", "crm_config", "--name", name, "--delete");
    }

    /** Exit 0 when the cluster property has this value. */
    static Command propertyIs(String name, String value) {
        return ShellScript.fixed("test \"$(crm_attribute --type crm_config --name \"$1\" --query --quiet)\" = \"$2\"")
                .run("property-is", List.of(name, value));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
