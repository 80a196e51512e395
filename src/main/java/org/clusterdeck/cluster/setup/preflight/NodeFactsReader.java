package org.clusterdeck.cluster.setup.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdeck.cluster.setup.CibResources;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.drbd.ProcDrbdParser;
import org.clusterdeck.cluster.setup.DrbdConf;
import org.clusterdeck.cluster.setup.SbdConf;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.TransportException;

/**
 * Reads one node's facts for the pre-flight through its runner, read-only. Each fact is read on
 * its own: a tool that fails or prints nonsense costs that fact (recorded in the problems, with
 * node, command and cause), never the others, so the pre-flight can report everything at once.
 * Only a node that cannot be reached at all ends the reading.
 */
public final class NodeFactsReader {
    /** Transport failures that mean the node itself is out of reach, not one command's trouble. */
    private static final Set<TransportException.Kind> UNREACHABLE = Set.of(TransportException.Kind.UNREACHABLE,
            TransportException.Kind.HOST_KEY, TransportException.Kind.LOGIN_REFUSED,
            TransportException.Kind.CONNECTION_LOST, TransportException.Kind.SUDO_PASSWORD);
    private static final List<String> UNITS = List.of("corosync", "pacemaker");
    /** lsblk's exit code when the path is missing or not a block device (it says which on standard error). */
    private static final int LSBLK_NOT_FOUND = 32;
    /** The processes behind the units, for nodes without systemd (containers, the namespace lab). */
    private static final List<String> DAEMONS = List.of("corosync", "pacemakerd");
    private static final String PROC_DRBD = "/proc/drbd";
    private static final Map<String, String> MANAGER_TOOLS = Map.of("/usr/bin/apt-get", ClusterPackages.APT,
            "/usr/bin/dnf", ClusterPackages.DNF);

    private final CommandRunner runner;
    private final String node;
    private final List<String> problems = new ArrayList<>();

    /** @param node the spec's name for the node the runner reaches */
    public NodeFactsReader(CommandRunner runner, String node) {
        this.runner = runner;
        this.node = node;
    }

    /**
     * What the node offers the setup's choices: its name, interfaces and whole disks. Use a reader
     * for one reading: its problems are those of the reading.
     */
    public NodeInventory inventory() {
        try {
            String uname = fact(PreflightCommands.unameNode(), this::oneWord);
            Command ip = PreflightCommands.addresses();
            List<NetInterface> interfaces = fact(ip, text -> IpAddrParser.parse(text, source(ip)));
            return new NodeInventory(node, null, uname, interfaces, disks(), reachedAt(), problems);
        } catch (Unreachable e) {
            return new NodeInventory(node, e.getMessage(), null, null, null, null, null);
        }
    }

    /** The third word of sshd's SSH_CONNECTION ("client port server port"): where the console reached the node. */
    private String reachedAt() throws Unreachable {
        CommandResult r = run(PreflightCommands.sshConnection());
        String[] words = r.ok() ? r.stdout().strip().split("\\s+") : new String[0];
        return words.length == 4 ? words[2] : null;
    }

    /**
     * The node's whole disks, not its RAM disks (zram), DRBD's own devices or those of size 0 (an
     * empty card reader), each with the by-id names that lead to it.
     */
    private List<DiskChoice> disks() throws Unreachable {
        Command l = PreflightCommands.blockDevices();
        List<BlockDevice> devices = fact(l, text -> LsblkParser.parseAll(text, source(l)));
        if (devices == null) {
            return null;
        }
        Command i = PreflightCommands.diskIds();
        Map<String, List<String>> ids = fact(i, text -> DiskIdsParser.parse(text, source(i)));
        List<DiskChoice> out = new ArrayList<>();
        for (BlockDevice d : devices) {
            if (!d.type().equals("disk") || d.name().startsWith("zram") || d.name().startsWith("drbd")
                    || d.sizeBytes() == 0) {
                continue;
            }
            List<String> contents = new ArrayList<>();
            if (d.fstype() != null) {
                contents.add(d.fstype());
            }
            contents.addAll(d.holdings());
            out.add(new DiskChoice(d.path(), ids == null ? List.of() : ids.getOrDefault(d.path(), List.of()),
                    d.sizeBytes(), d.model(), d.readOnly(), contents));
        }
        return out;
    }

    public NodeFacts read(SetupSpec spec, String disk) {
        try {
            String uname = fact(PreflightCommands.unameNode(), this::oneWord);
            String hostname = fact(PreflightCommands.hostname(), this::oneWord);
            List<NameLookup> lookups = new ArrayList<>();
            for (SetupSpec.Node n : spec.nodes()) {
                // an unreadable lookup is in the problems already, and leaves no entry
                NameLookup l = lookup(n.name());
                if (l != null) {
                    lookups.add(l);
                }
            }
            TimeSync time = timeSync();
            ClusterPresence cluster = cluster(spec);
            // a wizard examines the nodes before the admin picked the disk: then there is none to read
            DiskFacts diskFacts = disk == null ? null : disk(disk);
            DrbdModule drbd = drbd();
            String manager = packageManager();
            Map<String, String> packages = packages(manager);
            String candidate = packages != null && !packages.containsKey("pacemaker") ? pacemakerCandidate(manager) : null;
            boolean sbd = spec.fencing() != null && spec.fencing().kind().equals("sbd");
            DiskFacts sbdDevice = sbd ? disk(SbdConf.device(spec)) : null;
            Watchdog watchdog = sbd ? fact(PreflightCommands.watchdogs(), Watchdog::parse) : null;
            return new NodeFacts(node, null, uname, hostname, lookups, time, cluster, diskFacts, drbd, manager, packages,
                    candidate, account(), listening(), sbdDevice, watchdog, problems);
        } catch (Unreachable e) {
            return NodeFacts.unreachable(node, e.getMessage());
        }
    }

    private NameLookup lookup(String name) throws Unreachable {
        Command c = PreflightCommands.hostLookup(name);
        CommandResult r = run(c);
        if (r.exitCode() == 2) {
            return new NameLookup(name, null);
        }
        return fact(c, r, text -> HostLookupParser.parse(name, text, source(c)));
    }

    private TimeSync timeSync() throws Unreachable {
        Command timedatectl = PreflightCommands.timedatectlSynchronised();
        CommandResult r = run(timedatectl);
        if (r.ok()) {
            return parsed(timedatectl, r, text -> TimeSyncParser.timedatectl(text, source(timedatectl)));
        }
        Command chrony = PreflightCommands.chronyTracking();
        CommandResult c = run(chrony);
        if (c.ok()) {
            return parsed(chrony, c, text -> TimeSyncParser.chrony(text, source(chrony)));
        }
        // neither answered: no systemd and no chrony (or chronyd not running); say what each said
        return TimeSync.unknown("'" + timedatectl.display() + "': " + said(r) + "; '" + chrony.display() + "': " + said(c));
    }

    private ClusterPresence cluster(SetupSpec spec) throws Unreachable {
        Map<String, Boolean> active = unitsActive();
        String resource = spec.drbd() == null ? null : DrbdConf.resourcePath(spec);
        List<String> wanted = new ArrayList<>(List.of(ClusterPresence.COROSYNC_CONF, ClusterPresence.CIB));
        if (resource != null) {
            wanted.add(resource);
        }
        List<String> found = existing(wanted);
        if (found == null) {
            return null;
        }
        CorosyncConf conf = null;
        if (found.contains(ClusterPresence.COROSYNC_CONF)) {
            Command c = PreflightCommands.readFile(ClusterPresence.COROSYNC_CONF);
            conf = fact(c, text -> CorosyncConfParser.parse(text, source(c)));
        }
        String resourceText = null;
        if (resource != null && found.contains(resource)) {
            resourceText = fact(PreflightCommands.readFile(resource), text -> text);
        }
        List<String> files = found.stream().filter(f -> !f.equals(resource)).toList();
        return new ClusterPresence(active.get("corosync"), active.get("pacemaker"), files, conf, resourceText);
    }

    /**
     * Running by systemd's word or by a process of the node's own: a daemon started by hand runs
     * outside its unit, and nodes without systemd (containers, the namespace lab) have processes only.
     */
    private Map<String, Boolean> unitsActive() throws Unreachable {
        Command c = PreflightCommands.unitsActive(UNITS);
        CommandResult r = run(c);
        Map<String, Boolean> systemd = null;
        // is-active exits 3 when a unit is inactive; only its words count, and they are there unless systemd is not
        if (!r.stdout().isBlank()) {
            systemd = parsed(c, r, text -> UnitStateParser.active(UNITS, text, source(c)));
        }
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < UNITS.size(); i++) {
            Command p = PreflightCommands.processRunning(DAEMONS.get(i));
            CommandResult pr = run(p);
            if (pr.exitCode() > 1) {
                problem(p, "exit code " + pr.exitCode() + ": " + said(pr));
            }
            m.put(UNITS.get(i), pr.ok() || systemd != null && systemd.get(UNITS.get(i)));
        }
        return m;
    }

    private DiskFacts disk(String path) throws Unreachable {
        Command c = PreflightCommands.blockDevice(path);
        CommandResult r = run(c);
        if (r.exitCode() == LSBLK_NOT_FOUND) {
            return DiskFacts.missing(path, said(r));
        }
        BlockDevice device = fact(c, r, text -> LsblkParser.parse(text, source(c)));
        Command w = PreflightCommands.signatures(path);
        List<DiskSignature> signatures = fact(w, text -> WipefsParser.parse(text, source(w)));
        if (device == null || signatures == null) {
            return null;
        }
        return new DiskFacts(path, null, device, signatures);
    }

    /** The loaded module's version where it is loaded, else the one modprobe would load. */
    private DrbdModule drbd() throws Unreachable {
        List<String> proc = existing(List.of(PROC_DRBD));
        if (proc == null) {
            return null;
        }
        if (proc.contains(PROC_DRBD)) {
            Command c = PreflightCommands.readFile(PROC_DRBD);
            String version = fact(c, text -> new ProcDrbdParser().parse(text, source(c)).drbdVersion());
            return version == null ? null : new DrbdModule(version, PROC_DRBD);
        }
        Command c = PreflightCommands.drbdModuleVersion();
        CommandResult r = run(c);
        if (r.exitCode() == 1 && r.stderr().contains("not found")) {
            return DrbdModule.none();
        }
        String version = fact(c, r, this::oneWord);
        return version == null ? null : new DrbdModule(version, "modinfo");
    }

    /** apt where both are there (dnf can be installed on Debian, never the other way round). */
    private String packageManager() throws Unreachable {
        List<String> found = existing(List.copyOf(MANAGER_TOOLS.keySet()));
        if (found == null) {
            return null;
        }
        return found.stream().map(MANAGER_TOOLS::get).sorted().findFirst().orElse(ClusterPackages.NONE);
    }

    /** Installed versions under the Debian names; nothing to ask without a package manager ClusterDeck knows. */
    private Map<String, String> packages(String manager) throws Unreachable {
        if (manager == null || manager.equals(ClusterPackages.NONE)) {
            return Map.of();
        }
        List<String> names = ClusterPackages.forManager(manager);
        boolean apt = manager.equals(ClusterPackages.APT);
        Command c = apt ? PreflightCommands.dpkgVersions(names) : PreflightCommands.rpmVersions(names);
        CommandResult r = run(c);
        // both exit non-zero when some package is not installed; their output still lists the others
        if (r.exitCode() > 1 && apt || r.exitCode() > names.size()) {
            problem(c, "exit code " + r.exitCode() + ": " + said(r));
            return null;
        }
        Map<String, String> found = parsed(c, r, text -> apt ? PackageVersionParser.dpkg(text, source(c))
                : PackageVersionParser.rpm(text, source(c)));
        if (found == null) {
            return null;
        }
        Map<String, String> versions = new LinkedHashMap<>();
        found.forEach((name, version) -> versions.put(ClusterPackages.debianName(manager, name), version));
        return versions;
    }

    private Account account() throws Unreachable {
        Command c = PreflightCommands.account(CibResources.DHCPD_ACCOUNT);
        CommandResult r = run(c);
        if (r.exitCode() == 2) {
            return null;
        }
        return fact(c, r, text -> AccountParser.parse(text, source(c)));
    }

    private List<ListeningPort> listening() throws Unreachable {
        Command c = PreflightCommands.listening();
        return fact(c, text -> ListeningPortParser.parse(text, source(c)));
    }

    /** Null (and a problem) when that could not be checked. */
    private List<String> existing(List<String> paths) throws Unreachable {
        Command c = PreflightCommands.existing(paths);
        return fact(c, text -> text.lines().filter(paths::contains).toList());
    }

    private String oneWord(String text) {
        String w = text.strip();
        if (w.isEmpty() || w.contains("\n") || w.contains(" ")) {
            throw new FormatException("", "expected one word, got '" + w + "'");
        }
        return w;
    }

    /** Runs a command that must succeed and parses what it printed; null (and a problem) otherwise. */
    private <T> T fact(Command c, Parser<T> parser) throws Unreachable {
        return fact(c, run(c), parser);
    }

    private <T> T fact(Command c, CommandResult r, Parser<T> parser) {
        if (!r.ok()) {
            problem(c, "exit code " + r.exitCode() + ": " + said(r));
            return null;
        }
        return parsed(c, r, parser);
    }

    /**
     * On a bare node: the Pacemaker version apt would install (its policy's Candidate), which names
     * the fencing property the plan writes. dnf nodes are not asked yet: the plan then cannot be
     * made, and the setup says why.
     */
    private String pacemakerCandidate(String manager) throws Unreachable {
        if (!ClusterPackages.APT.equals(manager)) {
            return null;
        }
        Command c = PreflightCommands.aptCandidate("pacemaker");
        CommandResult r = run(c);
        if (!r.ok()) {
            problem(c, said(r));
            return null;
        }
        return parsed(c, r, text -> PackageVersionParser.aptCandidate(text, source(c)));
    }

    private <T> T parsed(Command c, CommandResult r, Parser<T> parser) {
        try {
            return parser.parse(r.stdout());
        } catch (FormatException e) {
            problem(c, e.problem());
            return null;
        }
    }

    /** Runs the command; a tool that is not installed is exit code 127, as a shell over SSH reports it. */
    private CommandResult run(Command c) throws Unreachable {
        try {
            return runner.run(c);
        } catch (TransportException e) {
            if (UNREACHABLE.contains(e.kind())) {
                throw new Unreachable(e.detail());
            }
            return new CommandResult(node, c.argv(), 127, "", e.detail(), java.time.Duration.ZERO);
        }
    }

    private void problem(Command c, String what) {
        problems.add(source(c) + ": " + what);
    }

    private String source(Command c) {
        return node + ": '" + c.display() + "'";
    }

    private static String said(CommandResult r) {
        String err = r.stderr().strip();
        String text = err.isEmpty() ? r.stdout().strip() : err;
        return text.isEmpty() ? "exit code " + r.exitCode() : text.lines().reduce((a, b) -> b).orElse(text);
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }

    private static final class Unreachable extends Exception {
        Unreachable(String why) {
            super(why);
        }
    }
}
