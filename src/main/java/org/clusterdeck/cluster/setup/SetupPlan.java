package org.clusterdeck.cluster.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdeck.cluster.command.CrmResource;
import org.clusterdeck.transport.Command;

/**
 * The ordered steps that turn two bare nodes into the reference DHCP cluster (issue 12), made
 * from the spec and what the pre-flight found out about each node. Nothing runs here: the plan
 * is what {@code setup --dry-run} prints and what the runner carries out, step by step, skipping
 * a step whose check says it is done. Within a step the runner goes node by node in the spec's
 * order, each node's commands in order; a file copied from another node is read there just before.
 *
 * @param steps in the order they run
 * @param proof what the step {@link #VERIFICATION} does; its commands depend on each other's answers
 */
public record SetupPlan(List<SetupStep> steps, FailoverProof proof) {
    public static final String VERIFICATION = "verification";
    /** The step that waits for DRBD's initial sync, whose progress the runner reports meanwhile. */
    public static final String DRBD_SYNC = "drbd-sync";
    /** Where the live CIB is saved before the resources are staged on a copy of it, and the copy. */
    public static final String CIB_BACKUP = "/var/tmp/clusterdeck-setup-cib-before.xml";
    public static final String CIB_COPY = "/var/tmp/clusterdeck-setup-cib-staged.xml";
    static final Duration SETTLE = Duration.ofMinutes(5);

    public SetupPlan {
        steps = List.copyOf(steps);
    }

    /** A plan without the verification's proof (a part of the plan, for tests of single steps). */
    public SetupPlan(List<SetupStep> steps) {
        this(steps, null);
    }

    public SetupStep step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + name));
    }

    /**
     * The plan for this spec and these nodes.
     *
     * @param nodes what the pre-flight found, per node name of the spec
     * @throws IllegalArgumentException when a node's facts are missing or the nodes disagree on what one
     *                                  file or CIB must say (DRBD generation, the fencing property's name)
     */
    public static SetupPlan of(SetupSpec spec, Map<String, NodeGeneration> nodes) {
        for (SetupSpec.Node n : spec.nodes()) {
            if (!nodes.containsKey(n.name())) {
                throw new IllegalArgumentException("no pre-flight facts for node " + n.name());
            }
        }
        NodeGeneration first = nodes.get(spec.nodes().get(0).name());
        NodeGeneration second = nodes.get(spec.nodes().get(1).name());
        if (first.drbd9() != second.drbd9()) {
            throw new IllegalArgumentException("the nodes run different DRBD generations (" + spec.nodes().get(0).name()
                    + ": " + (first.drbd9() ? "9" : "8.4") + ", " + spec.nodes().get(1).name() + ": "
                    + (second.drbd9() ? "9" : "8.4") + "); one resource file serves both, so both need the same");
        }
        if (!first.fencingProperty().equals(second.fencingProperty())) {
            throw new IllegalArgumentException("the nodes' Pacemaker versions (" + first.pacemakerVersion() + ", "
                    + second.pacemakerVersion() + ") name the fencing property differently; install the same version");
        }
        return new SetupPlan(new Steps(spec, nodes).all(), FailoverProof.of(spec));
    }

    /** Builds the steps; one method per step, in the order they run. */
    private static final class Steps {
        private final SetupSpec spec;
        private final Map<String, NodeGeneration> facts;
        private final String node1;
        private final String node2;
        private final NodeGeneration generation;
        private final StackDialect dialect;

        Steps(SetupSpec spec, Map<String, NodeGeneration> facts) {
            this.spec = spec;
            this.facts = facts;
            this.node1 = spec.nodes().get(0).name();
            this.node2 = spec.nodes().get(1).name();
            this.generation = facts.get(node1);
            this.dialect = StackDialect.of(spec.dialect(), CibResources.of(spec, generation));
        }

        List<SetupStep> all() {
            List<SetupStep> steps = new ArrayList<>(List.of(preflight(), packages(), services(), firewall()));
            if (spec.fencing().kind().equals("sbd")) {
                steps.add(sbd());
            }
            steps.addAll(List.of(corosync(), fencing()));
            if (spec.fencing().test()) {
                steps.add(fenceTest());
            }
            steps.addAll(List.of(drbd(), drbdSync(), filesystem(), dhcpConfig(), resources(), start(), verification()));
            return steps;
        }

        SetupStep preflight() {
            return new SetupStep("pre-flight",
                    "Finds every reason not to start (names, time, disks, existing clusters, uids) on all nodes"
                            + " at once, before anything changes.",
                    Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(),
                    "read-only; its checks (org.clusterdeck.cluster.setup.preflight) run again on every run,"
                            + " since a node may have changed while the setup was interrupted");
        }

        SetupStep packages() {
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            Map<String, List<Command>> agreement = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                NodeGeneration.PackageManager pm = facts.get(n.name()).packageManager();
                List<String> packages = SetupPackages.needed(spec, pm);
                commands.put(n.name(), List.of(SetupCommands.refreshPackageLists(pm), SetupCommands.install(pm, packages)));
                check.put(n.name(), List.of(SetupCommands.installed(pm, packages)));
                undo.put(n.name(), List.of(SetupCommands.remove(pm, packages)));
                // the account a package may have made: the leases directory's owner travels with the disk as a number
                agreement.put(n.name(), List.of(SetupCommands.versions(pm, packages),
                        SetupCommands.accountIds(CibResources.DHCPD_ACCOUNT)));
            }
            return new SetupStep("packages", "Installs the cluster stack, DRBD's tools, dhcpd and the fence agent"
                    + " where missing; done when both nodes run the same versions and have the same dhcpd account.",
                    commands, check, check, undo, List.of(), List.of(), null, true, agreement);
        }

        SetupStep services() {
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                List<String> services = SetupPackages.ownedServices(facts.get(n.name()).packageManager());
                commands.put(n.name(), List.of(SetupCommands.disableNow(services)));
                check.put(n.name(), List.of(SetupCommands.servicesOff(services)));
                undo.put(n.name(), List.of(SetupCommands.enable(services)));
            }
            return new SetupStep("services", "Stops the boot scripts of DRBD and dhcpd: started outside Pacemaker they"
                    + " would run on both nodes at once.", commands, check, check, undo, List.of(), List.of(), null, true);
        }

        SetupStep firewall() {
            List<String> ports = List.of("5405/udp", spec.drbd().port() + "/tcp", "2224/tcp");
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                commands.put(n.name(), List.of(SetupCommands.openPorts(ports)));
                check.put(n.name(), List.of(SetupCommands.portsOpen(ports)));
                undo.put(n.name(), List.of(SetupCommands.closePorts(ports)));
            }
            return new SetupStep("firewall", "Opens corosync (5405/udp), DRBD and pcsd (2224/tcp) where firewalld or"
                    + " ufw is active; a dropped heartbeat looks like a dead node.", commands, check, check, undo,
                    List.of(), List.of(), null, true);
        }

        /** Only with SBD fencing: sbd must be enabled before corosync first starts, since it starts with it. */
        SetupStep sbd() {
            String device = SbdConf.device(spec);
            String conf = SbdConf.render(spec);
            List<PlannedFile> files = new ArrayList<>();
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                PlannedFile file = PlannedFile.written(n.name(), SbdConf.path(facts.get(n.name()).packageManager()),
                        "0644", conf);
                files.add(file);
                List<Command> list = new ArrayList<>();
                List<Command> done = new ArrayList<>();
                if (n.name().equals(node1)) {
                    // the shared disk gets sbd's header once, from one node
                    list.add(SetupCommands.sbdCreate(device));
                    done.add(SetupCommands.sbdHeader(device));
                }
                list.add(SetupCommands.writeFile(file));
                list.add(SetupCommands.enable(List.of("sbd")));
                done.add(SetupCommands.sameContent(file.path(), conf));
                done.add(SetupCommands.enabled("sbd"));
                commands.put(n.name(), list);
                check.put(n.name(), done);
                undo.put(n.name(), List.of(SetupCommands.disable(List.of("sbd")), SetupCommands.restoreFile(file)));
            }
            if (facts.get(node1).sbdDeviceBytes() <= 0) {
                throw new IllegalArgumentException("no size of the SBD device " + device + " from the pre-flight;"
                        + " its creation needs a confirmation that names it");
            }
            return new SetupStep("sbd", "Writes SBD's header on the shared disk and enables sbd on both nodes before"
                    + " corosync starts: a node cut off from the disk and the other node resets itself.", commands,
                    check, check, undo, files,
                    List.of(new Destruction(node1, device, facts.get(node1).sbdDeviceBytes(), "sbd create")), null);
        }

        SetupStep corosync() {
            String conf = CorosyncConf.render(spec);
            List<PlannedFile> files = new ArrayList<>();
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> verification = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            List<String> stack = List.of("corosync", "pacemaker");
            for (SetupSpec.Node n : spec.nodes()) {
                PlannedFile confFile = PlannedFile.written(n.name(), CorosyncConf.PATH, "0644", conf);
                PlannedFile key = n.name().equals(node1)
                        ? PlannedFile.generated(n.name(), CorosyncConf.AUTHKEY, "0400")
                        : PlannedFile.copied(n.name(), CorosyncConf.AUTHKEY, "0400", node1);
                files.add(confFile);
                files.add(key);
                List<Command> list = new ArrayList<>();
                list.add(SetupCommands.writeFile(confFile));
                // the key is made once, on the first node, and copied: both must hold the same secret
                list.add(n.name().equals(node1) ? SetupCommands.corosyncKeygen() : SetupCommands.receiveFile(key));
                // Debian's packages start both on their single-node default; started again, they read the new files
                list.add(SetupCommands.stop(List.of("pacemaker", "corosync")));
                list.add(SetupCommands.enableNow(stack));
                commands.put(n.name(), list);
                check.put(n.name(), List.of(SetupCommands.sameContent(CorosyncConf.PATH, conf),
                        SetupCommands.servicesActive(stack), SetupCommands.corosyncMembers(2)));
                verification.put(n.name(), List.of(SetupCommands.servicesActive(stack), SetupCommands.corosyncMembers(2)));
                undo.put(n.name(), List.of(SetupCommands.stop(List.of("pacemaker", "corosync")),
                        SetupCommands.restoreFile(confFile), SetupCommands.restoreFile(key)));
            }
            return new SetupStep("corosync", "Joins the nodes over knet with crypto and two_node quorum and starts"
                    + " Pacemaker on it; everything after relies on this membership.", commands, check, verification,
                    undo, files, List.of(), null);
        }

        SetupStep fencing() {
            boolean none = spec.fencing().kind().equals("none");
            String property = generation.fencingProperty();
            String enabled = Boolean.toString(!none);
            List<Command> check = new ArrayList<>();
            List<Command> verification = new ArrayList<>();
            List<Command> undo = new ArrayList<>();
            check.add(SetupCommands.propertyIs(property, enabled));
            verification.add(SetupCommands.propertyIs(property, enabled));
            for (String device : CibResources.fenceDevices(spec)) {
                check.add(SetupCommands.cibHas(device));
                verification.add(SetupCommands.running(device, false));
            }
            CibResources.fencingIds(spec).forEach(id -> undo.add(SetupCommands.cibDelete(id)));
            undo.add(SetupCommands.propertyDelete(property));
            String why = none
                    ? "Records the admin's choice of no fencing: a node that stops answering is then assumed dead, and"
                            + " both nodes may promote DRBD and serve DHCP at once (split brain)."
                    : "Puts the fence devices in place before any data resource, with a delay on " + spec.fencing().delayNode()
                            + "'s device so the two nodes never fence each other at once.";
            StackDialect.Spelling spelled = dialect.fencing(node1);
            List<Command> commands = new ArrayList<>(spelled.commands());
            commands.add(CrmResource.waitForIdle(SETTLE));
            return new SetupStep("fencing", why, Map.of(node1, commands), Map.of(node1, check), Map.of(node1, verification),
                    Map.of(node1, undo), spelled.files(), List.of(), null);
        }

        /**
         * The node whose device has no delay fenced from the delayed one, which survives a split: a
         * real power-off and power-on, while no data depends on either node yet.
         */
        SetupStep fenceTest() {
            String survivor = spec.fencing().delayNode();
            String target = spec.nodes().stream().map(SetupSpec.Node::name).filter(n -> !n.equals(survivor)).findFirst()
                    .orElseThrow();
            // the target answering again also gives the next steps a new connection to it
            Map<String, List<Command>> back = new LinkedHashMap<>();
            back.put(survivor, List.of(SetupCommands.online(target)));
            back.put(target, List.of(SetupCommands.pacemakerRuns()));
            Map<String, List<Command>> done = new LinkedHashMap<>();
            done.put(survivor, List.of(SetupCommands.fencedOnce(target), SetupCommands.online(target)));
            done.put(target, List.of(SetupCommands.pacemakerRuns()));
            return new SetupStep("fence-test", "Fences " + target + " once, as the cluster would fence a lost node:"
                    + " it is powered off and on and must rejoin, so fencing is known to work before it is needed.",
                    Map.of(survivor, List.of(SetupCommands.fence(target))), done, back, Map.of(), List.of(), List.of(),
                    null);
        }

        /** The resource file and DRBD's metadata: the step that overwrites the backing disks' end. */
        SetupStep drbd() {
            String res = spec.drbd().resource();
            String resText = DrbdConf.resource(spec, generation.drbd9());
            List<PlannedFile> files = new ArrayList<>();
            List<Destruction> destroys = new ArrayList<>();
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                PlannedFile global = PlannedFile.written(n.name(), DrbdConf.GLOBAL_PATH, "0644", DrbdConf.global());
                PlannedFile resource = PlannedFile.written(n.name(), DrbdConf.resourcePath(spec), "0644", resText);
                files.add(global);
                files.add(resource);
                destroys.add(new Destruction(n.name(), n.disk(), facts.get(n.name()).diskBytes(), "drbdadm create-md"));
                commands.put(n.name(), List.of(SetupCommands.writeFile(global), SetupCommands.writeFile(resource),
                        SetupCommands.createMd(res)));
                check.put(n.name(), List.of(SetupCommands.sameContent(resource.path(), resText),
                        SetupCommands.hasSignature(n.disk(), "drbd")));
                undo.put(n.name(), List.of(SetupCommands.restoreFile(resource), SetupCommands.restoreFile(global)));
            }
            return new SetupStep("drbd", "Writes the resource with fencing resource-only and the crm-fence-peer"
                    + " handlers of DRBD " + (generation.drbd9() ? "9" : "8.4") + ", and DRBD's metadata on both"
                    + " backing disks.", commands, check, check, undo, files, destroys, null, true);
        }

        /**
         * Brings the resource up and waits for the initial sync. Apart from the metadata, so that a run
         * resumed during the sync neither writes the metadata again nor starts the sync over: DRBD goes
         * on from its bitmap once both nodes are up.
         */
        SetupStep drbdSync() {
            String res = spec.drbd().resource();
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                String peer = n.name().equals(node1) ? node2 : node1;
                String connection = SetupCommands.connection(res, peer, generation.drbd9());
                // both nodes at once: each waits until the other is up and connected
                List<Command> list = new ArrayList<>(List.of(SetupCommands.drbdadm("adjust", res),
                        SetupCommands.drbdadm("wait-connect", connection)));
                if (n.name().equals(node1)) {
                    // the initial sync's source; the peer's disk is overwritten by the sync, never the reverse
                    list.add(SetupCommands.startInitialSync(res));
                }
                commands.put(n.name(), list);
                check.put(n.name(), List.of(SetupCommands.drbdInSync(res, connection)));
                undo.put(n.name(), List.of(SetupCommands.drbdadm("down", res)));
            }
            return new SetupStep(DRBD_SYNC, "Connects the two disks and copies the first node's to the second;"
                    + " done when both are UpToDate.", commands, check, check, undo, List.of(), List.of(), null, true);
        }

        SetupStep filesystem() {
            String type = spec.filesystem().type();
            String mountpoint = spec.filesystem().mountpoint();
            String device = spec.drbd().device();
            SetupSpec.Node first = spec.nodes().get(0);
            String leasesDir = mountpoint + "/" + CibResources.LEASES.substring(0, CibResources.LEASES.indexOf('/'));
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            commands.put(node1, List.of(SetupCommands.drbdadm("primary", spec.drbd().resource()),
                    SetupCommands.mkfs(type, device), SetupCommands.mkdir(mountpoint),
                    SetupCommands.mount(device, mountpoint),
                    SetupCommands.ownedDirectory(leasesDir, CibResources.dhcpdUser(generation)),
                    SetupCommands.umount(mountpoint), SetupCommands.drbdadm("secondary", spec.drbd().resource())));
            commands.put(node2, List.of(SetupCommands.mkdir(mountpoint)));
            Map<String, List<Command>> check = new LinkedHashMap<>();
            check.put(node1, List.of(SetupCommands.hasSignature(first.disk(), type)));
            check.put(node2, List.of(Command.of("test", "-d", mountpoint)));
            return new SetupStep("filesystem", "Makes the " + type + " filesystem on the DRBD device once, with the"
                    + " leases directory dhcpd writes to, and leaves it unmounted for Pacemaker.", commands, check, check,
                    Map.of(node1, List.of(SetupCommands.drbdadm("secondary", spec.drbd().resource()))), List.of(),
                    List.of(new Destruction(node1, device, facts.get(node1).diskBytes(), "mkfs." + type)), null);
        }

        SetupStep dhcpConfig() {
            String conf = DhcpdConf.render(spec);
            List<PlannedFile> files = new ArrayList<>();
            Map<String, List<Command>> commands = new LinkedHashMap<>();
            Map<String, List<Command>> check = new LinkedHashMap<>();
            Map<String, List<Command>> undo = new LinkedHashMap<>();
            for (SetupSpec.Node n : spec.nodes()) {
                PlannedFile file = PlannedFile.written(n.name(), DhcpdConf.PATH, "0644", conf);
                files.add(file);
                commands.put(n.name(), List.of(SetupCommands.writeFile(file), SetupCommands.dhcpdTest(DhcpdConf.PATH)));
                check.put(n.name(), List.of(SetupCommands.sameContent(DhcpdConf.PATH, conf),
                        SetupCommands.dhcpdTest(DhcpdConf.PATH)));
                undo.put(n.name(), List.of(SetupCommands.restoreFile(file)));
            }
            return new SetupStep("dhcp-config", "Writes the same dhcpd.conf on both nodes and has dhcpd check it, so the"
                    + " survivor of a failover serves what the other served.", commands, check, check, undo, files,
                    List.of(), null, true);
        }

        /** The data resources configured at once, from a staged copy whose prediction the plan shows. */
        SetupStep resources() {
            String clone = CibResources.drbdClone(spec);
            List<Command> configured = new ArrayList<>();
            CibResources.dataIds(spec).forEach(id -> configured.add(SetupCommands.cibHas(id)));
            List<Command> undo = new ArrayList<>(List.of(CrmResource.targetRole(CibResources.GROUP, "Stopped"),
                    CrmResource.targetRole(clone, "Stopped"), CrmResource.waitForIdle(SETTLE)));
            CibResources.dataIds(spec).forEach(id -> undo.add(SetupCommands.cibDelete(id)));
            StackDialect.Spelling staged = dialect.staged(node1, CIB_COPY);
            List<Command> commands = new ArrayList<>(List.of(SetupCommands.saveCib(CIB_BACKUP), SetupCommands.saveCib(CIB_COPY)));
            commands.addAll(staged.commands());
            commands.addAll(List.of(SetupCommands.verifyCib().withEnv("CIB_file", CIB_COPY), SetupCommands.predict(CIB_COPY)));
            commands.addAll(dialect.push(CIB_COPY, CIB_BACKUP));
            return new SetupStep("resources", "Stages DRBD, filesystem, VIP and dhcpd on a copy of the CIB ("
                    + dialect.name() + "), shows crm_simulate's prediction, then pushes them to the cluster at once.",
                    Map.of(node1, commands), Map.of(node1, configured), Map.of(node1, configured), Map.of(node1, undo),
                    staged.files(), List.of(), null);
        }

        /** Kept apart from {@link #resources}: a resumed run finds them configured and only has them started. */
        SetupStep start() {
            String clone = CibResources.drbdClone(spec);
            List<Command> running = List.of(SetupCommands.running(clone, true),
                    SetupCommands.running(CibResources.GROUP, false));
            return new SetupStep("start", "Waits for the cluster to promote DRBD and start the group, after clearing"
                    + " failures an earlier attempt left (an agent that could not run then), which would keep them stopped.",
                    Map.of(node1, List.of(CrmResource.cleanup(CibResources.GROUP, null), CrmResource.cleanup(clone, null),
                            CrmResource.waitForIdle(SETTLE))),
                    Map.of(node1, running), Map.of(node1, running),
                    Map.of(node1, List.of(CrmResource.targetRole(CibResources.GROUP, "Stopped"),
                            CrmResource.targetRole(clone, "Stopped"), CrmResource.waitForIdle(SETTLE))),
                    List.of(), List.of(), null);
        }

        SetupStep verification() {
            FailoverProof proof = FailoverProof.of(spec);
            String lease = proof.asksForLeases()
                    ? "a DHCP lease from the VIP on the client network (asked on " + FailoverProof.THIS_MACHINE + "), then "
                    : "";
            String after = proof.asksForLeases()
                    ? ", a lease again from the survivor (the wait for it is the client-visible downtime), the first"
                            + " lease still in the survivor's leases file"
                    : ", the service running on the survivor (the spec names no DHCP probe: no lease is asked for)";
            return new SetupStep(VERIFICATION, "Proves the service: " + lease + "a failover (standby of the active"
                    + " node)" + after + ", and the first node back online. " + FailoverProof.ACTIVE + " and "
                    + FailoverProof.FIRST_ADDRESS + " stand for what the proof finds out as it runs.", proof.planned(node1), Map.of(),
                    Map.of(), Map.of(node1, List.of(proof.online(FailoverProof.ACTIVE))), List.of(),
                    List.of(), "its failover is the proof the admin asked for");
        }
    }
}
