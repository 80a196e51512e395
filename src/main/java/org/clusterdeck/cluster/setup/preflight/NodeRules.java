package org.clusterdeck.cluster.setup.preflight;

import java.util.List;
import org.clusterdeck.cluster.checks.FindingKind;
import org.clusterdeck.cluster.checks.SuggestedCommand;
import org.clusterdeck.cluster.drbd.DrbdGeneration;
import org.clusterdeck.cluster.setup.DrbdConf;
import org.clusterdeck.cluster.setup.SbdConf;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.transport.Command;

/** What the pre-flight judges on each node by itself. */
final class NodeRules {
    /** corosync's knet port; the spec does not change it. */
    static final int COROSYNC_PORT = 5405;
    /** pcsd's port: in use is fine when it is pcsd, which a node with pcs installed already runs. */
    static final int PCSD_PORT = 2224;
    /** DRBD's customary port, for a spec that names none. */
    static final int DEFAULT_DRBD_PORT = 7789;

    private NodeRules() {
    }

    static void judge(SetupSpec spec, SetupSpec.Node node, NodeFacts f, Findings out) {
        String n = node.name();
        if (!f.reachable()) {
            out.critical(FindingKind.SETUP_NODE_UNREACHABLE, n, n + " (" + node.host() + ") could not be reached: "
                    + f.unreachable() + "; nothing on it was checked.");
            return;
        }
        for (String p : f.problems()) {
            out.critical(FindingKind.SETUP_CHECK_FAILED, n, "Could not check " + p
                    + "; the setup does not go on with a fact unknown.");
        }
        names(node, f, out);
        lookups(spec, f, out);
        time(n, f.timeSync(), out);
        cluster(spec, n, f.cluster(), out);
        disk(n, f.disk(), ownDrbd(spec, f), out);
        if (f.drbd() != null && !f.drbd().present()) {
            out.critical(FindingKind.SETUP_NO_DRBD_MODULE, n, n + ": the kernel has no DRBD module (modinfo drbd "
                    + "finds none); install a kernel with DRBD 8.4 or LINBIT's DRBD 9 module first.");
        }
        if (ClusterPackages.NONE.equals(f.packageManager())) {
            out.critical(FindingKind.SETUP_NO_PACKAGE_MANAGER, n, n + " has neither apt nor dnf: the setup cannot "
                    + "install the cluster packages there.");
        }
        packageSource(n, f, out);
        sbd(n, f, out);
        ports(n, drbdPort(spec), f.listening(), ownCorosync(spec, f), ownDrbd(spec, f), out);
    }

    /**
     * An earlier run of this same setup got as far as DRBD on the node: its resource file is the one
     * this spec writes. Its backing disk then holds DRBD's metadata (and later the filesystem) and
     * DRBD holds the port: this run resumes there instead of refusing the node.
     */
    private static boolean ownDrbd(SetupSpec spec, NodeFacts f) {
        ClusterPresence c = f.cluster();
        return c != null && c.drbdResource() != null && f.drbd() != null && f.drbd().present()
                && c.drbdResource().equals(DrbdConf.resource(spec, f.drbd().generation() == DrbdGeneration.V9));
    }

    private static boolean ownCorosync(SetupSpec spec, NodeFacts f) {
        return f.cluster() != null && f.cluster().corosyncConf() != null && f.cluster().corosyncConf().writtenFor(spec);
    }

    /**
     * Pacemaker must be installed or installable: its version names the fencing property the plan
     * writes. A bare Debian whose package lists were never fetched offers nothing yet.
     */
    private static void packageSource(String n, NodeFacts f, Findings out) {
        if (f.packages() == null || f.packages().containsKey("pacemaker") || f.pacemakerCandidate() != null) {
            return;
        }
        if (ClusterPackages.APT.equals(f.packageManager())) {
            out.critical(FindingKind.SETUP_NO_PACKAGE_SOURCE, n, n + ": apt offers no pacemaker package (apt-cache "
                    + "policy pacemaker has no candidate): its package lists are missing or lack the distribution's "
                    + "main repository. Fetch them, or add the repository, and check again.",
                    new SuggestedCommand(n, Command.of("apt-get", "update").display()));
        } else if (ClusterPackages.DNF.equals(f.packageManager())) {
            out.critical(FindingKind.SETUP_NO_PACKAGE_SOURCE, n, n + ": pacemaker is not installed, and the setup "
                    + "does not read dnf's candidate versions yet; install the cluster packages first (for the "
                    + "fencing property's name the plan needs Pacemaker's version), then check again.",
                    new SuggestedCommand(n, Command.of("dnf", "install", "pacemaker").display()));
        }
    }

    static int drbdPort(SetupSpec spec) {
        return spec.drbd() == null || spec.drbd().port() == 0 ? DEFAULT_DRBD_PORT : spec.drbd().port();
    }

    private static void names(SetupSpec.Node node, NodeFacts f, Findings out) {
        String n = node.name();
        SuggestedCommand rename = new SuggestedCommand(n, Command.of("hostnamectl", "set-hostname", n).display());
        if (f.unameNode() != null && !f.unameNode().equals(n)) {
            out.critical(FindingKind.SETUP_NAME_MISMATCH, n, n + ": uname -n says '" + f.unameNode()
                    + "', the spec calls the node '" + n + "'; corosync's node list and DRBD's 'on' section must use "
                    + "the kernel's name. Rename the node or correct the spec.", rename);
        }
        if (f.hostname() != null && f.unameNode() != null && !f.hostname().equals(f.unameNode())) {
            out.critical(FindingKind.SETUP_NAME_MISMATCH, n, n + ": hostname says '" + f.hostname()
                    + "' but uname -n '" + f.unameNode() + "'.", rename);
        }
    }

    /**
     * Corosync and DRBD get the spec's addresses, so a name that resolves elsewhere does not break
     * them; but pcs, crmsh and admins use the names, and Debian's 127.0.1.1 line for the own name is
     * the classic way a cluster ends up talking to itself. Hence warnings, not refusals.
     */
    private static void lookups(SetupSpec spec, NodeFacts f, Findings out) {
        for (NameLookup l : f.lookups()) {
            SetupSpec.Node named = spec.nodes().stream().filter(x -> x.name().equals(l.name())).findFirst().orElse(null);
            if (named == null) {
                continue;
            }
            if (!l.resolves()) {
                out.warning(FindingKind.SETUP_NAME_UNRESOLVED, f.node(), f.node() + ": the name '" + l.name()
                        + "' does not resolve there; add '" + named.heartbeat() + " " + l.name() + "' to /etc/hosts.");
            } else if (!l.address().equals(named.heartbeat()) && !l.address().equals(named.management())) {
                out.warning(FindingKind.SETUP_NAME_UNRESOLVED, f.node(), f.node() + ": the name '" + l.name()
                        + "' resolves to " + l.address() + " there, not to its heartbeat address " + named.heartbeat()
                        + (named.management() == null ? "" : " or management address " + named.management()) + ".");
            }
        }
    }

    private static void time(String n, TimeSync t, Findings out) {
        if (t == null || t.state() == TimeSync.State.SYNCHRONISED) {
            return;
        }
        String why = t.state() == TimeSync.State.UNKNOWN ? "could not tell whether its clock is synchronised ("
                + t.detail() + ")" : "its clock is not synchronised (" + t.source() + ": " + t.detail() + ")";
        out.warning(FindingKind.SETUP_NO_TIME_SYNC, n, n + ": " + why + "; logs and fencing history of the two "
                + "nodes will not line up. Run chrony or systemd-timesyncd.");
    }

    /**
     * A node that is in a cluster is refused: the setup would overwrite someone's corosync.conf
     * and CIB. Only the package's own single-node default is let through, with a warning, because
     * installing the packages on Debian is enough to create it. The cluster this very spec
     * describes is an earlier run of the same setup, which this run resumes.
     */
    private static void cluster(SetupSpec spec, String n, ClusterPresence c, Findings out) {
        if (c == null || c.bare() || c.corosyncConf() != null && c.corosyncConf().writtenFor(spec)) {
            return;
        }
        String evidence = String.join("; ", c.evidence());
        if (c.packageDefaultOnly()) {
            out.warning(FindingKind.SETUP_DEFAULT_CLUSTER_CONFIG, n, n + " has only the corosync package's "
                    + "single-node default configuration (" + evidence + "); the setup stops corosync and pacemaker "
                    + "there and replaces it, keeping a backup.");
        } else {
            out.critical(FindingKind.SETUP_ALREADY_CLUSTERED, n, n + " is already in a cluster: " + evidence
                    + ". The setup builds a cluster from bare nodes only and changes nothing here.");
        }
    }

    private static void disk(String n, DiskFacts d, boolean ownDrbd, Findings out) {
        if (d == null) {
            return;
        }
        if (!d.exists()) {
            out.critical(FindingKind.SETUP_DISK_MISSING, n, n + ": the backing disk " + d.path()
                    + " is not a block device there (" + d.missing() + ").");
            return;
        }
        if (d.device().readOnly()) {
            out.critical(FindingKind.SETUP_DISK_MISSING, n, n + ": the backing disk " + d.path()
                    + " is read-only there; DRBD cannot write its metadata on it.");
        }
        if (ownDrbd) {
            return;
        }
        List<String> contents = d.contents();
        if (!contents.isEmpty()) {
            out.critical(FindingKind.SETUP_DISK_NOT_EMPTY, n, n + ": the backing disk " + d.path() + " ("
                    + ByteSize.human(d.device().sizeBytes()) + ") holds " + String.join(", ", contents)
                    + ". DRBD's metadata would overwrite it, so the setup does not take it. Only if this is the "
                    + "right disk and what is on it may go, erase the signatures yourself (this destroys it).",
                    new SuggestedCommand(n, Command.of("wipefs", "--all", d.path()).display()));
        }
    }

    /**
     * SBD's shared disk and the watchdog sbd opens. The disk gets sbd's header, which overwrites its
     * start: anything on it that udev recognises blocks, as for DRBD's disk (sbd's own header is
     * recognised by nothing, so a resumed run finds it fine). Without a watchdog sbd does not
     * start, and corosync, which requires it, neither.
     */
    private static void sbd(String n, NodeFacts f, Findings out) {
        DiskFacts d = f.sbdDevice();
        if (d != null) {
            if (!d.exists()) {
                out.critical(FindingKind.SETUP_SBD_DEVICE, n, n + ": the SBD disk " + d.path()
                        + " is not a block device there (" + d.missing() + "); both nodes must see the same shared disk.");
            } else if (d.device().readOnly()) {
                out.critical(FindingKind.SETUP_SBD_DEVICE, n, n + ": the SBD disk " + d.path()
                        + " is read-only there; sbd writes its slots on it.");
            } else if (!d.contents().isEmpty()) {
                out.critical(FindingKind.SETUP_SBD_DEVICE, n, n + ": the SBD disk " + d.path() + " ("
                        + ByteSize.human(d.device().sizeBytes()) + ") holds " + String.join(", ", d.contents())
                        + ". sbd's header would overwrite it, so the setup does not take it. Only if this is the "
                        + "right disk and what is on it may go, erase the signatures yourself (this destroys it).",
                        new SuggestedCommand(n, Command.of("wipefs", "--all", d.path()).display()));
            }
        }
        Watchdog w = f.watchdog();
        if (w != null && !w.ready()) {
            String device = SbdConf.WATCHDOG_DEVICE;
            if (w.softdogModule()) {
                out.critical(FindingKind.SETUP_NO_WATCHDOG, n, n + " has no " + device + ", which sbd opens; without"
                        + " it sbd does not start, nor corosync after it. Load the kernel's software watchdog, now and at"
                        + " every boot (or enable the board's hardware watchdog).",
                        new SuggestedCommand(n, "modprobe softdog && echo softdog > /etc/modules-load.d/softdog.conf"));
            } else {
                out.critical(FindingKind.SETUP_NO_WATCHDOG, n, n + " has no " + device + " and its kernel no softdog"
                        + " module" + (w.devices().isEmpty() ? "" : " (it has " + String.join(", ", w.devices()) + ")")
                        + "; sbd needs a watchdog. Enable the board's hardware watchdog, or fence another way.");
            }
        }
    }

    /** A port held by this setup's own corosync or DRBD (a resumed run) is not in the way. */
    private static void ports(String n, int drbdPort, List<ListeningPort> listening, boolean ownCorosync,
            boolean ownDrbd, Findings out) {
        for (ListeningPort p : listening) {
            if (p.protocol().equals("udp") && p.port() == COROSYNC_PORT && !ownCorosync) {
                out.critical(FindingKind.SETUP_PORT_IN_USE, n, n + ": corosync's port is taken: " + p.describe() + ".");
            } else if (p.protocol().equals("tcp") && p.port() == drbdPort && !ownDrbd) {
                out.critical(FindingKind.SETUP_PORT_IN_USE, n, n + ": DRBD's port is taken: " + p.describe() + ".");
            } else if (p.protocol().equals("tcp") && p.port() == PCSD_PORT) {
                out.warning(FindingKind.SETUP_PORT_IN_USE, n, n + ": pcsd's port is taken: " + p.describe()
                        + "; fine if that is pcsd itself.");
            }
        }
    }
}
