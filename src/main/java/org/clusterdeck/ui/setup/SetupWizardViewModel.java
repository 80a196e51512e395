package org.clusterdeck.ui.setup;

import static org.clusterdeck.ui.FormText.blankToNull;
import static org.clusterdeck.ui.FormText.nullToEmpty;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.app.nodes.NodeGroup;
import org.clusterdeck.app.setup.AuditedConfirmation;
import org.clusterdeck.app.setup.Confirmation;
import org.clusterdeck.app.setup.FenceCheck;
import org.clusterdeck.app.setup.SetupDraft;
import org.clusterdeck.app.setup.SetupEvent;
import org.clusterdeck.app.setup.SetupExamination;
import org.clusterdeck.app.setup.SetupFailure;
import org.clusterdeck.app.setup.SetupJournal;
import org.clusterdeck.app.setup.SetupOutcome;
import org.clusterdeck.app.setup.SetupRunner;
import org.clusterdeck.cluster.command.ClusterCommandException;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.setup.DhcpdConf;
import org.clusterdeck.cluster.setup.SetupProposal;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecException;
import org.clusterdeck.cluster.setup.SetupSpecRules;
import org.clusterdeck.cluster.setup.preflight.DiskChoice;
import org.clusterdeck.cluster.setup.preflight.DiskSizeRule;
import org.clusterdeck.cluster.setup.preflight.NodeInventory;
import org.clusterdeck.transport.CommandRunner;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.ui.Background;

/**
 * The guided setup from two bare nodes, page by page, on the setup engine: the answers make a
 * {@link SetupSpec}, the engine's own rules say what is wrong on each page, the engine's pre-flight
 * and plan are what the admin reviews. Nothing about clusters is decided here; every remote call
 * runs on the {@link Background}.
 */
public final class SetupWizardViewModel implements AutoCloseable {
    /** Reading two nodes' inventories: a connection each, and a few small commands. */
    static final Duration INVENTORY_TIMEOUT = Duration.ofMinutes(2);
    /** The pre-flight reads packages and disks on both nodes, one after the other. */
    static final Duration EXAMINATION_TIMEOUT = Duration.ofMinutes(3);
    static final String DEFAULT_CLUSTER = "dhcp-cluster";
    static final String DEFAULT_RATE = "40M";
    /** Where the review's prediction runs: bare nodes have no Pacemaker before the setup installs it. */
    private static final CommandRunner HERE = new LocalProcessRunner("this machine");

    private final Function<ClusterProfile, NodeGroup> connector;
    private final Background background;
    private final AuditLog audit;
    private final SetupJournal journal;
    private final Consumer<ClusterProfile> onBuilt;
    private NodeGroup group;
    /** The unfinished setup being continued: its answers win over the nodes' proposals. */
    private SetupSpec resumed;

    private final ObjectProperty<WizardPage> page = new SimpleObjectProperty<>(WizardPage.NODES);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();

    // nodes
    private final StringProperty host1 = new SimpleStringProperty("");
    private final StringProperty host2 = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty(ClusterProfile.DEFAULT_USER);
    private final StringProperty identityFile = new SimpleStringProperty("");
    private final StringProperty knownHosts = new SimpleStringProperty("");
    private final StringProperty jumpHost = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<NodeInventory>> inventories = new ReadOnlyObjectWrapper<>();

    // pre-flight
    private final ReadOnlyObjectWrapper<SetupExamination> preflight = new ReadOnlyObjectWrapper<>();

    // cluster
    private final StringProperty clusterName = new SimpleStringProperty(DEFAULT_CLUSTER);
    private final ObservableList<SetupProposal.Link> links = FXCollections.observableArrayList();
    private final ObjectProperty<SetupProposal.Link> heartbeat = new SimpleObjectProperty<>();
    private final BooleanProperty secondLink = new SimpleBooleanProperty();
    private final ObjectProperty<SetupProposal.Link> management = new SimpleObjectProperty<>();
    private final StringProperty tokenMs = new SimpleStringProperty("");

    // fencing
    private final StringProperty fencingKind = new SimpleStringProperty();
    private final ObservableList<FenceField> fenceFields = FXCollections.observableArrayList();
    private final StringProperty delayNode = new SimpleStringProperty();
    private final BooleanProperty fenceTest = new SimpleBooleanProperty(true);
    private final BooleanProperty acknowledgeNoFencing = new SimpleBooleanProperty();
    private final ObservableList<String> fenceChecks = FXCollections.observableArrayList();

    // storage
    private final ObservableList<DiskChoice> disks1 = FXCollections.observableArrayList();
    private final ObservableList<DiskChoice> disks2 = FXCollections.observableArrayList();
    private final ObjectProperty<DiskChoice> disk1 = new SimpleObjectProperty<>();
    private final ObjectProperty<DiskChoice> disk2 = new SimpleObjectProperty<>();
    private final StringProperty resyncRate = new SimpleStringProperty(DEFAULT_RATE);
    private final StringProperty filesystem = new SimpleStringProperty(SetupSpec.Filesystem.TYPES.get(0));
    private final StringProperty mountpoint = new SimpleStringProperty(SetupDraft.MOUNTPOINT);

    // service
    private final ObservableList<String> nics = FXCollections.observableArrayList();
    private final StringProperty nic = new SimpleStringProperty();
    private final StringProperty vip = new SimpleStringProperty("");
    private final StringProperty subnet = new SimpleStringProperty("");
    private final StringProperty rangeFrom = new SimpleStringProperty("");
    private final StringProperty rangeTo = new SimpleStringProperty("");
    private final StringProperty router = new SimpleStringProperty("");
    private final StringProperty dns = new SimpleStringProperty("");
    private final StringProperty leaseSeconds = new SimpleStringProperty(Integer.toString(
            SetupSpec.Dhcp.DEFAULT_LEASE_SECONDS));
    private final StringProperty dhcpdConf = new SimpleStringProperty("");
    private final BooleanProperty dhcpdConfEdited = new SimpleBooleanProperty();
    private final StringProperty probe = new SimpleStringProperty("");

    // review
    private final ReadOnlyObjectWrapper<SetupExamination> examination = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DiskConfirmation> confirmations = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canBuild = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> prediction = FXCollections.observableArrayList();

    // run and verify
    private final ObservableList<RunStep> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SetupEvent.SyncProgress> sync = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SetupFailure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SetupOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SetupEvent.Verified> verified = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private volatile SetupRunner runner;
    private long runStarted;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /**
     * @param connector opens the two nodes' connections for a profile, as Add cluster's does
     *                  (host-key prompts and passwords through the window's prompter)
     * @param audit     where the admin's ticks on the review page are recorded, beside the commands
     * @param journal   where a started setup is kept until it finishes
     * @param onBuilt   told of the new cluster's profile when the admin opens it after the verification
     */
    public SetupWizardViewModel(Function<ClusterProfile, NodeGroup> connector, Background background, AuditLog audit,
            SetupJournal journal, Consumer<ClusterProfile> onBuilt) {
        this.connector = connector;
        this.background = background;
        this.audit = audit;
        this.journal = journal;
        this.onBuilt = onBuilt;
        List<Observable> inputs = new ArrayList<>(List.of(page, inventories, preflight, busy, clusterName, heartbeat,
                secondLink, management, tokenMs, fencingKind, fenceFields, delayNode, fenceTest, acknowledgeNoFencing,
                disk1, disk2, resyncRate, filesystem, mountpoint, nic, vip, subnet, rangeFrom, rangeTo, router, dns,
                leaseSeconds, dhcpdConf, dhcpdConfEdited, probe, host1, host2, user, identityFile, knownHosts, jumpHost));
        inputs.addAll(List.of(examination, confirmations, running));
        inputs.forEach(o -> o.addListener(x -> check()));
        confirmations.addListener((javafx.collections.ListChangeListener<DiskConfirmation>) c -> confirmations
                .forEach(d -> d.confirmed().addListener(x -> check())));
        // a field of a fence parameter changes without the list changing
        fenceFields.addListener((javafx.collections.ListChangeListener<FenceField>) c -> fenceFields
                .forEach(f -> f.value().addListener(x -> {
                    fenceChecks.clear();
                    check();
                })));
        // answers about the nodes are void once the nodes are others
        List.of(host1, host2, user, identityFile, knownHosts, jumpHost).forEach(p -> p.addListener(x -> forgetNodes()));
        fencingKind.addListener((o, was, now) -> {
            fenceChecks.clear();
            fenceFieldsFor(now);
        });
        List.of(vip, subnet, rangeFrom, rangeTo, router, dns, leaseSeconds, clusterName).forEach(p -> p.addListener(
                x -> regenerateDhcpdConf()));
        check();
    }

    // ---- navigation

    /** Goes to the next page when this one's answers hold, starting what the next page shows. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        WizardPage now = page.get();
        WizardPage to = WizardPage.values()[now.ordinal() + 1];
        page.set(to);
        if (to == WizardPage.PREFLIGHT) {
            checkAgain();
        } else if (to == WizardPage.REVIEW) {
            review();
        }
    }

    public void back() {
        WizardPage now = page.get();
        if (now.ordinal() > 0 && !busy.get() && now.ordinal() <= WizardPage.REVIEW.ordinal()) {
            page.set(WizardPage.values()[now.ordinal() - 1]);
        }
    }

    // ---- nodes

    /** The nodes page's answers as a cluster profile: how to reach both nodes. */
    public ClusterProfile profile() {
        List<String> hosts = List.of(host1.get().strip(), host2.get().strip());
        return new ClusterProfile(clusterName.get().strip(), hosts, user.get().strip(), blankToNull(identityFile.get()),
                blankToNull(knownHosts.get()), blankToNull(jumpHost.get()));
    }

    /** Connects to both nodes and reads what they offer; the later pages' proposals come from it. */
    public void testConnection() {
        List<String> wrong = profileProblems();
        if (!wrong.isEmpty() || busy.get()) {
            return;
        }
        forgetNodes();
        ClusterProfile profile = profile();
        busy.set(true);
        status.set("Connecting to " + String.join(" and ", profile.hosts()) + "…");
        background.run("reading the nodes", INVENTORY_TIMEOUT, () -> {
            NodeGroup g = connector.apply(profile);
            try {
                return new Connected(g, SetupDraft.inventories(g));
            } catch (InterruptedException | RuntimeException e) {
                g.close();
                throw e;
            }
        }, c -> {
            busy.set(false);
            group = c.group();
            adopt(profile.hosts(), c.inventories());
        }, e -> {
            busy.set(false);
            status.set("Could not read the nodes: " + e.getMessage());
        });
    }

    private record Connected(NodeGroup group, List<NodeInventory> inventories) {
    }

    /** The nodes' offers, and the draft's proposals as the later pages' first answers. */
    void adopt(List<String> hosts, List<NodeInventory> read) {
        inventories.set(List.copyOf(read));
        List<String> unreachable = read.stream().filter(n -> !n.reachable())
                .map(n -> n.label() + ": " + n.unreachable()).toList();
        if (!unreachable.isEmpty()) {
            status.set("Not reached: " + String.join("; ", unreachable));
            return;
        }
        status.set("Connected: " + read.stream().map(n -> n.label() + " is " + n.unameNode()).reduce((a, b) -> a + ", " + b)
                .orElse(""));
        SetupSpec draft = resumed != null ? resumed : SetupDraft.propose(hosts, read);
        links.setAll(SetupProposal.links(read.get(0), read.get(1)));
        heartbeat.set(linkOf(draft, SetupSpec.Node::heartbeat).orElse(links.isEmpty() ? null : links.get(0)));
        management.set(linkOf(draft, SetupSpec.Node::management).orElse(null));
        secondLink.set(draft.corosync().secondLink());
        disks1.setAll(read.get(0).disks());
        disks2.setAll(read.get(1).disks());
        disk1.set(diskOf(disks1, draft.nodes().get(0).disk()));
        disk2.set(diskOf(disks2, draft.nodes().get(1).disk()));
        nics.setAll(SetupProposal.sharedNics(read.get(0), read.get(1)));
        nic.set(draft.service().nic());
        subnet.set(nullToEmpty(draft.service().dhcp().subnet()));
        delayNode.set(read.get(0).unameNode());
        fenceFieldsFor(fencingKind.get());
        if (resumed != null) {
            answersOf(resumed);
        }
    }

    /** The rest of an unfinished setup's answers, those the nodes' offers do not carry. */
    private void answersOf(SetupSpec spec) {
        clusterName.set(spec.cluster());
        tokenMs.set(spec.corosync().tokenMs() == null ? "" : spec.corosync().tokenMs().toString());
        SetupSpec.Fencing f = spec.fencing();
        fencingKind.set(f.kind());
        fenceFields.forEach(field -> field.value().set(f.parameters().getOrDefault(field.node(), Map.of())
                .getOrDefault(field.name(), field.value().get())));
        if (f.delayNode() != null) {
            delayNode.set(f.delayNode());
        }
        fenceTest.set(f.test());
        acknowledgeNoFencing.set(f.acknowledgeNoFencing());
        resyncRate.set(spec.drbd().resyncRate() == null ? "" : spec.drbd().resyncRate());
        filesystem.set(spec.filesystem().type());
        mountpoint.set(spec.filesystem().mountpoint());
        SetupSpec.Dhcp d = spec.service().dhcp();
        vip.set(spec.service().vip());
        rangeFrom.set(d.rangeFrom());
        rangeTo.set(d.rangeTo());
        router.set(nullToEmpty(d.router()));
        dns.set(String.join(" ", d.dns()));
        leaseSeconds.set(d.leaseSeconds().toString());
        if (d.config() != null) {
            dhcpdConfEdited.set(true);
            dhcpdConf.set(d.config());
        }
        probe.set(spec.verification() == null ? "" : String.join(" ", spec.verification().dhcpProbe()));
    }

    /**
     * The setup that was started and not finished, offered when the wizard opens.
     *
     * @throws IOException naming the journal when it cannot be read
     */
    public Optional<SetupJournal.Entry> unfinished() throws IOException {
        return journal.load();
    }

    /**
     * Continues an unfinished setup: its nodes and answers are filled in; once the nodes are read
     * again, the review shows which steps are already done (they are skipped).
     */
    public void resume(SetupJournal.Entry entry) {
        ClusterProfile p = entry.profile();
        host1.set(p.hosts().get(0));
        host2.set(p.hosts().size() > 1 ? p.hosts().get(1) : "");
        user.set(p.user());
        identityFile.set(nullToEmpty(p.identityFile()));
        knownHosts.set(nullToEmpty(p.knownHosts()));
        jumpHost.set(nullToEmpty(p.jumpHost()));
        resumed = entry.setupSpec();
    }

    /** Starts over: the unfinished setup is forgotten (what it did on the nodes stays). */
    public void discardUnfinished() throws IOException {
        journal.clear();
        resumed = null;
    }

    private Optional<SetupProposal.Link> linkOf(SetupSpec draft, Function<SetupSpec.Node, String> address) {
        String a = address.apply(draft.nodes().get(0));
        String b = address.apply(draft.nodes().get(1));
        return links.stream().filter(l -> l.ends().get(0).address().equals(a) && l.ends().get(1).address().equals(b))
                .findFirst();
    }

    private static DiskChoice diskOf(List<DiskChoice> disks, String path) {
        return disks.stream().filter(d -> d.stablePath().equals(path)).findFirst().orElse(null);
    }

    private void forgetNodes() {
        if (inventories.get() == null && group == null) {
            return;
        }
        inventories.set(null);
        preflight.set(null);
        examination.set(null);
        closeGroup();
    }

    /** The node names, as the nodes call themselves; empty until they were read. */
    public List<String> nodeNames() {
        List<NodeInventory> inv = inventories.get();
        return inv == null ? List.of() : inv.stream().map(n -> n.unameNode() == null ? n.label() : n.unameNode()).toList();
    }

    // ---- pre-flight

    /** Examines both nodes read-only against the answers so far (the proposals for what is not decided yet). */
    public void checkAgain() {
        if (group == null || busy.get()) {
            return;
        }
        SetupSpec spec = spec();
        Map<String, CommandRunner> runners = runners(spec);
        busy.set(true);
        preflight.set(null);
        status.set("Examining both nodes…");
        background.run("the pre-flight", EXAMINATION_TIMEOUT, () -> SetupExamination.preflight(spec, runners), e -> {
            busy.set(false);
            preflight.set(e);
            status.set(e.blocked() ? "Blocked: deal with the findings marked critical, then check again."
                    : e.findings().isEmpty() ? "Nothing in the way." : "Nothing blocks; read the warnings.");
        }, e -> {
            busy.set(false);
            status.set("The pre-flight did not finish: " + e.getMessage());
        });
    }

    /** The connections by the spec's node names, in the spec's order. */
    Map<String, CommandRunner> runners(SetupSpec spec) {
        Map<String, CommandRunner> m = new LinkedHashMap<>();
        for (int i = 0; i < spec.nodes().size() && group != null; i++) {
            m.put(spec.nodes().get(i).name(), group.nodes().get(i).runner());
        }
        return m;
    }

    // ---- fencing

    /** One field per node and parameter the kind needs; values typed before are kept. */
    private void fenceFieldsFor(String kind) {
        Map<String, String> before = new LinkedHashMap<>();
        fenceFields.forEach(f -> before.put(f.node() + "\n" + f.name(), f.value().get()));
        List<FenceField> fields = new ArrayList<>();
        List<String> required = kind == null ? List.of() : SetupSpecRules.FENCING_REQUIRED.getOrDefault(kind, List.of());
        for (String node : nodeNames()) {
            for (String name : required) {
                // the lab's power switch knows the guests by their names
                String initial = before.getOrDefault(node + "\n" + name, "lab".equals(kind) && name.equals("plug") ? node : "");
                fields.add(new FenceField(node, name, initial));
            }
        }
        fenceFields.setAll(fields);
    }

    /**
     * Asks each node's fence device whether it sees the node's power (the agent's {@code status}),
     * from the other node or, where that has no agent yet, from this machine; with SBD, examines the
     * shared disk and the watchdog on each node. Powers nothing off.
     */
    public void checkFencing() {
        if (group == null || busy.get()) {
            return;
        }
        SetupSpec spec = spec();
        Map<String, CommandRunner> runners = runners(spec);
        busy.set(true);
        fenceChecks.clear();
        status.set("Asking the fence devices…");
        background.run("the fence devices", EXAMINATION_TIMEOUT, () -> FenceCheck.run(spec, runners, HERE), checks -> {
            busy.set(false);
            fenceChecks.setAll(checks.stream().map(FenceCheck::line).toList());
            status.set(checks.stream().allMatch(FenceCheck::ok) ? "Every device answered." : "Not every device answered.");
        }, e -> {
            busy.set(false);
            status.set("The fence devices could not be asked: " + e.getMessage());
        });
    }

    // ---- service

    private void regenerateDhcpdConf() {
        if (dhcpdConfEdited.get()) {
            return;
        }
        SetupSpec spec = spec();
        boolean serviceOk = SetupSpecRules.problems(spec).stream().noneMatch(p -> p.field().startsWith("service"));
        dhcpdConf.set(serviceOk ? DhcpdConf.generated(spec) : "");
    }

    /** Drops the admin's own dhcpd.conf: the file is made from the fields again. */
    public void resetDhcpdConf() {
        dhcpdConfEdited.set(false);
        regenerateDhcpdConf();
    }

    // ---- review

    /** The final pre-flight and the plan for every answer, off the window's thread. */
    public void review() {
        if (group == null || busy.get()) {
            return;
        }
        SetupSpec spec = spec();
        Map<String, CommandRunner> runners = runners(spec);
        busy.set(true);
        examination.set(null);
        confirmations.clear();
        status.set("Examining both nodes and writing the plan…");
        prediction.clear();
        background.run("the plan", EXAMINATION_TIMEOUT, () -> reviewed(SetupExamination.of(spec, runners)), r -> {
            SetupExamination e = r.examination();
            busy.set(false);
            examination.set(e);
            prediction.setAll(r.prediction());
            if (e.blocked()) {
                status.set("Blocked: " + e.findings().stream().filter(f -> f.severity() == Severity.CRITICAL)
                        .map(f -> f.message()).reduce((a, b) -> a + " " + b).orElse(""));
                return;
            }
            List<DiskConfirmation> found = new ArrayList<>();
            e.plan().steps().forEach(step -> step.destroys().forEach(d -> found.add(new DiskConfirmation(step.name(), d))));
            confirmations.setAll(found);
            status.set(e.plan().steps().size() + " steps; tick each disk that may be overwritten, then build.");
        }, e -> {
            busy.set(false);
            status.set("The plan could not be made: " + e.getMessage());
        });
    }

    /** The examination and, with a plan, Pacemaker's prediction of it in words (or why there is none). */
    private record Reviewed(SetupExamination examination, List<String> prediction) {
    }

    private static Reviewed reviewed(SetupExamination e) {
        if (e.blocked()) {
            return new Reviewed(e, List.of());
        }
        try {
            List<org.clusterdeck.cluster.simulate.Transition> transitions = e.predict(HERE).transitions();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < transitions.size(); i++) {
                lines.add(i == 0 ? "Once the configuration is in place:" : "Once DRBD's agent reports "
                        + e.spec().nodes().get(0).name() + "'s disk UpToDate (the initial sync's source):");
                transitions.get(i).actions().forEach(a -> lines.add("    " + a.describe()));
            }
            return new Reviewed(e, lines);
        } catch (TransportException | ClusterCommandException x) {
            // the plan stands without it; the admin sees why there is none
            return new Reviewed(e, List.of("No prediction: " + x.getMessage()));
        }
    }

    // ---- run

    /**
     * Builds the cluster: the reviewed plan runs on its own thread, step by step, each step's
     * commands and the initial sync shown as they come. The setup is kept in the journal until it
     * finishes, so a closed window can continue it.
     */
    public void build() {
        if (!canBuild.get()) {
            return;
        }
        SetupExamination e = examination.get();
        SetupSpec spec = e.spec();
        ClusterProfile profile = profile();
        try {
            journal.save(SetupJournal.Entry.of(java.time.Instant.now().toString(), profile, spec));
        } catch (IOException x) {
            status.set("Not started: the setup could not be kept for resuming (" + x.getMessage() + ").");
            return;
        }
        steps.setAll(e.plan().steps().stream().map(st -> new RunStep(st.name(), st.why())).toList());
        output.set("");
        failure.set(null);
        outcome.set(null);
        verified.set(null);
        Map<String, Boolean> ticked = new LinkedHashMap<>();
        confirmations.forEach(c -> ticked.put(c.step() + "\n" + c.destruction().node() + "\n" + c.destruction().disk(),
                c.confirmed().get()));
        Confirmation asked = new AuditedConfirmation((step, d) -> ticked.getOrDefault(step + "\n" + d.node() + "\n"
                + d.disk(), false), "window", audit);
        SetupRunner r = new SetupRunner(e.runners(runners(spec)), asked, ev -> background.ui().execute(() -> show(ev)),
                SetupRunner.DEFAULT_PATIENCE, SetupRunner.DEFAULT_INTERVAL);
        runner = r;
        runStarted = System.nanoTime();
        running.set(true);
        page.set(WizardPage.RUN);
        status.set("Building " + spec.cluster() + "…");
        Thread t = new Thread(() -> {
            SetupOutcome o;
            try {
                o = r.run(e.plan());
            } catch (RuntimeException x) {
                o = new SetupOutcome.Failed(new SetupFailure("(run)", "", "", null, String.valueOf(x), Map.of()));
            }
            SetupOutcome end = o;
            background.ui().execute(() -> ended(end));
        }, "setup-run");
        t.setDaemon(true);
        t.start();
    }

    /** Asks the run to stop where nothing is half done; building again goes on from there. */
    public void stop() {
        SetupRunner r = runner;
        if (r != null) {
            r.stop();
            status.set("Stopping after the command that runs now…");
        }
    }

    private void show(SetupEvent e) {
        if (e instanceof SetupEvent.StepStarted s) {
            state(s.step(), RunStep.State.RUNNING);
            output.set("");
            sync.set(null);
        } else if (e instanceof SetupEvent.StepSkipped s) {
            state(s.step(), RunStep.State.SKIPPED);
        } else if (e instanceof SetupEvent.StepDone s) {
            state(s.step(), RunStep.State.DONE);
        } else if (e instanceof SetupEvent.CommandRan c) {
            output.set(output.get() + String.format(java.util.Locale.ROOT, "%s  %-6s  exit %d  %5d ms  %s%n", c.node(),
                    c.phase().name().toLowerCase(java.util.Locale.ROOT), c.exitCode(), c.millis(), c.command()));
        } else if (e instanceof SetupEvent.SyncProgress p) {
            sync.set(p);
        } else if (e instanceof SetupEvent.Verified v) {
            verified.set(v);
        } else if (e instanceof SetupEvent.Stopped s) {
            state(s.step(), RunStep.State.STOPPED);
        } else if (e instanceof SetupEvent.Failed f) {
            state(f.failure().step(), RunStep.State.FAILED);
            failure.set(f.failure());
        } else if (e instanceof SetupEvent.Declined d) {
            state(d.step(), RunStep.State.STOPPED);
        }
    }

    private void state(String step, RunStep.State state) {
        steps.stream().filter(s -> s.name().equals(step)).forEach(s -> s.state().set(state));
    }

    private void ended(SetupOutcome o) {
        runner = null;
        running.set(false);
        outcome.set(o);
        sync.set(null);
        if (o instanceof SetupOutcome.Finished f) {
            long seconds = (System.nanoTime() - runStarted) / 1_000_000_000;
            summary.set(String.format(java.util.Locale.ROOT, "Built in %d min %02d s: %d steps done now, %d found done"
                    + " before.", seconds / 60, seconds % 60, f.done(), f.skipped()));
            status.set("Built and verified.");
            try {
                journal.clear();
            } catch (IOException x) {
                status.set("Built and verified, but the finished setup is still offered for resuming: " + x.getMessage());
            }
            page.set(WizardPage.VERIFY);
        } else if (o instanceof SetupOutcome.Failed f) {
            status.set("Failed at step " + f.failure().step() + " on " + f.failure().node()
                    + ": build again to continue there, or undo the step by hand.");
        } else if (o instanceof SetupOutcome.Stopped s) {
            status.set("Stopped at step " + s.step() + ": build again to continue there.");
        } else if (o instanceof SetupOutcome.Declined d) {
            status.set("Not confirmed: " + d.destruction().confirmation() + ". Nothing of step " + d.step() + " ran.");
        }
    }

    /** Runs the plan again after a failure or a stop: steps already done are skipped. */
    public void buildAgain() {
        if (running.get() || examination.get() == null) {
            return;
        }
        page.set(WizardPage.REVIEW);
        review();
    }

    /** The new cluster, saved in the cluster list and opened: the wizard's end. */
    public void openCluster() {
        if (!(outcome.get() instanceof SetupOutcome.Finished)) {
            return;
        }
        onBuilt.accept(profile());
        done.set(true);
    }

    // ---- the spec

    /** Every answer so far as a spec; what is not answered yet is null there. */
    public SetupSpec spec() {
        List<String> names = nodeNames();
        List<SetupSpec.Node> specNodes = new ArrayList<>();
        List<String> hosts = List.of(host1.get().strip(), host2.get().strip());
        List<DiskChoice> disks = Arrays.asList(disk1.get(), disk2.get());
        for (int i = 0; i < 2; i++) {
            int n = i;
            specNodes.add(new SetupSpec.Node(names.size() > i ? names.get(i) : null, sshHost(hosts.get(i)),
                    Optional.ofNullable(heartbeat.get()).map(l -> l.ends().get(n).address()).orElse(null),
                    secondLink.get() ? Optional.ofNullable(management.get()).map(l -> l.ends().get(n).address())
                            .orElse(null) : null,
                    disks.get(i) == null ? null : disks.get(i).stablePath()));
        }
        return new SetupSpec(blankToNull(clusterName.get()), SetupSpec.DEFAULT_DIALECT, specNodes,
                new SetupSpec.Corosync(secondLink.get(), integer(tokenMs.get())), fencing(),
                new SetupSpec.Drbd("r0", "/dev/drbd0", null, blankToNull(resyncRate.get())),
                new SetupSpec.Filesystem(blankToNull(filesystem.get()), blankToNull(mountpoint.get())),
                new SetupSpec.Service(blankToNull(vip.get()), prefixOf(subnet.get()), nic.get(),
                        new SetupSpec.Dhcp(blankToNull(subnet.get()), blankToNull(rangeFrom.get()),
                                blankToNull(rangeTo.get()), blankToNull(router.get()), words(dns.get()),
                                integer(leaseSeconds.get()), dhcpdConfEdited.get() ? dhcpdConf.get() : null)),
                words(probe.get()).isEmpty() ? null : new SetupSpec.Verification(words(probe.get())));
    }

    private SetupSpec.Fencing fencing() {
        String kind = fencingKind.get();
        if (kind == null) {
            return null;
        }
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        for (FenceField f : fenceFields) {
            String v = f.value().get() == null ? "" : f.value().get().strip();
            Map<String, String> own = parameters.computeIfAbsent(f.node(), n -> new LinkedHashMap<>());
            if (!v.isEmpty()) {
                own.put(f.name(), v);
            }
        }
        boolean none = kind.equals("none");
        return new SetupSpec.Fencing(kind, none ? Map.of() : parameters, none ? null : delayNode.get(),
                none && acknowledgeNoFencing.get(), !none && fenceTest.get());
    }

    /** The host as the spec names it: with the login user where the address names none. */
    private String sshHost(String host) {
        if (host.isEmpty() || host.contains("@")) {
            return blankToNull(host);
        }
        return user.get().strip() + "@" + host;
    }

    // ---- what is wrong on the shown page

    private void check() {
        List<String> found = new ArrayList<>(pageProblems(page.get()));
        problems.setAll(found);
        canGoNext.set(found.isEmpty() && !busy.get() && page.get().ordinal() < WizardPage.REVIEW.ordinal());
        canBuild.set(page.get() == WizardPage.REVIEW && found.isEmpty() && !busy.get() && !running.get());
    }

    /** What keeps the page from being done, in the admin's words; empty when Next may be taken. */
    List<String> pageProblems(WizardPage p) {
        List<String> found = new ArrayList<>();
        switch (p) {
            case NODES -> {
                found.addAll(profileProblems());
                List<NodeInventory> inv = inventories.get();
                if (found.isEmpty() && inv == null) {
                    found.add("Test the connection to both nodes.");
                } else if (inv != null) {
                    inv.stream().filter(n -> !n.reachable()).forEach(n -> found.add(n.label() + " could not be reached: "
                            + n.unreachable()));
                    inv.stream().filter(NodeInventory::reachable).forEach(n -> n.problems().forEach(found::add));
                    List<String> names = nodeNames();
                    if (inv.stream().allMatch(NodeInventory::reachable) && names.get(0).equals(names.get(1))) {
                        found.add("Both addresses reach a node called " + names.get(0) + ": give two different nodes.");
                    }
                }
            }
            case PREFLIGHT -> blocking(preflight.get(), "The pre-flight has not finished.", found);
            case REVIEW -> {
                blocking(examination.get(), "The plan is not written yet.", found);
                long open = confirmations.stream().filter(c -> !c.confirmed().get()).count();
                if (open > 0) {
                    found.add("Tick " + (open == 1 ? "the command" : "each of the " + open + " commands")
                            + " above that overwrites a disk, to allow it.");
                }
            }
            default -> {
            }
        }
        if (!p.equals(WizardPage.NODES)) {
            for (SetupSpecException e : SetupSpecRules.problems(spec())) {
                if (p.asks(e.field())) {
                    found.add(words(e));
                }
            }
        }
        found.addAll(fieldProblems(p));
        return found;
    }

    private static void blocking(SetupExamination e, String notYet, List<String> found) {
        if (e == null) {
            found.add(notYet);
        } else {
            long critical = e.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).count();
            if (critical > 0) {
                // the page lists them with what to do; here only why Next is off
                found.add(critical == 1 ? "The finding under Blocking must be dealt with on the nodes first."
                        : "The " + critical + " findings under Blocking must be dealt with on the nodes first.");
            }
        }
    }

    /** Text the spec cannot carry: numbers that are not numbers, disks that do not pair. */
    private List<String> fieldProblems(WizardPage p) {
        List<String> found = new ArrayList<>();
        if (p == WizardPage.CLUSTER) {
            notANumber("The token timeout", tokenMs.get(), found);
            if (heartbeat.get() == null) {
                found.add("Pick the heartbeat link: the network both nodes reach each other on.");
            }
            if (secondLink.get() && management.get() == null) {
                found.add("Pick the second link, or turn it off.");
            }
            if (secondLink.get() && management.get() != null && management.get().equals(heartbeat.get())) {
                found.add("The second link must be another network than the heartbeat link.");
            }
        }
        if (p == WizardPage.STORAGE) {
            if (disk1.get() == null || disk2.get() == null) {
                found.add("Pick the backing disk on each node.");
            } else if (DiskSizeRule.severity(disk1.get().sizeBytes(), disk2.get().sizeBytes()) == Severity.CRITICAL) {
                found.add("The disks differ by " + DiskSizeRule.lost(disk1.get().sizeBytes(), disk2.get().sizeBytes())
                        + ": pick two disks of the same size.");
            }
            List<DiskChoice> chosen = Arrays.asList(disk1.get(), disk2.get());
            for (int i = 0; i < chosen.size(); i++) {
                DiskChoice d = chosen.get(i);
                // the disk an unfinished run of this setup took holds its DRBD by now: the pre-flight,
                // which knows that DRBD as this setup's own, judges it on the Review page
                boolean resumedOwn = d != null && resumed != null && (d.path().equals(resumed.nodes().get(i).disk())
                        || d.byId().contains(resumed.nodes().get(i).disk()));
                if (d != null && !d.looksEmpty() && !resumedOwn) {
                    found.add(d.path() + " is not empty (" + String.join(", ", d.contents()) + "): DRBD would overwrite it.");
                }
            }
        }
        if (p == WizardPage.SERVICE) {
            notANumber("The lease time", leaseSeconds.get(), found);
            if (nic.get() == null) {
                found.add("Pick the interface clients reach the service on.");
            }
        }
        return found;
    }

    private static void notANumber(String what, String text, List<String> found) {
        if (text != null && !text.isBlank() && integer(text) == null) {
            found.add(what + " must be a whole number, not '" + text.strip() + "'.");
        }
    }

    private List<String> profileProblems() {
        List<String> found = new ArrayList<>();
        if (host1.get().isBlank() || host2.get().isBlank()) {
            found.add("Give both nodes' addresses.");
            return found;
        }
        ClusterProfile p = profile();
        // the profile's name is the cluster's, decided on a later page
        new ClusterProfile("setup", p.hosts(), p.user(), p.identityFile(), p.knownHosts(), p.jumpHost()).problems()
                .forEach(found::add);
        return found;
    }

    /** "nodes[1].heartbeat: …" without the file-reading prefix. */
    private static String words(SetupSpecException e) {
        String m = e.getMessage();
        return m.startsWith("setup spec: ") ? m.substring("setup spec: ".length()) : m;
    }

    // ---- helpers

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer prefixOf(String cidr) {
        int slash = cidr == null ? -1 : cidr.indexOf('/');
        return slash < 0 ? null : integer(cidr.substring(slash + 1));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("[\\s,]+"));
    }

    private void closeGroup() {
        if (group != null) {
            group.close();
            group = null;
        }
    }

    @Override
    public void close() {
        closeGroup();
    }

    // ---- properties

    public ObjectProperty<WizardPage> pageProperty() {
        return page;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    public StringProperty host1Property() {
        return host1;
    }

    public StringProperty host2Property() {
        return host2;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty identityFileProperty() {
        return identityFile;
    }

    public StringProperty knownHostsProperty() {
        return knownHosts;
    }

    public StringProperty jumpHostProperty() {
        return jumpHost;
    }

    public ReadOnlyObjectProperty<List<NodeInventory>> inventoriesProperty() {
        return inventories.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupExamination> preflightProperty() {
        return preflight.getReadOnlyProperty();
    }

    public StringProperty clusterNameProperty() {
        return clusterName;
    }

    public ObservableList<SetupProposal.Link> links() {
        return links;
    }

    public ObjectProperty<SetupProposal.Link> heartbeatProperty() {
        return heartbeat;
    }

    public BooleanProperty secondLinkProperty() {
        return secondLink;
    }

    public ObjectProperty<SetupProposal.Link> managementProperty() {
        return management;
    }

    public StringProperty tokenMsProperty() {
        return tokenMs;
    }

    public StringProperty fencingKindProperty() {
        return fencingKind;
    }

    public ObservableList<FenceField> fenceFields() {
        return fenceFields;
    }

    /** What each fence device answered when asked, one node a line; empty until asked, and after a change. */
    public ObservableList<String> fenceChecks() {
        return fenceChecks;
    }

    public StringProperty delayNodeProperty() {
        return delayNode;
    }

    public BooleanProperty fenceTestProperty() {
        return fenceTest;
    }

    public BooleanProperty acknowledgeNoFencingProperty() {
        return acknowledgeNoFencing;
    }

    public ObservableList<DiskChoice> disks1() {
        return disks1;
    }

    public ObservableList<DiskChoice> disks2() {
        return disks2;
    }

    public ObjectProperty<DiskChoice> disk1Property() {
        return disk1;
    }

    public ObjectProperty<DiskChoice> disk2Property() {
        return disk2;
    }

    public StringProperty resyncRateProperty() {
        return resyncRate;
    }

    public StringProperty filesystemProperty() {
        return filesystem;
    }

    public StringProperty mountpointProperty() {
        return mountpoint;
    }

    public ObservableList<String> nics() {
        return nics;
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public StringProperty vipProperty() {
        return vip;
    }

    public StringProperty subnetProperty() {
        return subnet;
    }

    public StringProperty rangeFromProperty() {
        return rangeFrom;
    }

    public StringProperty rangeToProperty() {
        return rangeTo;
    }

    public StringProperty routerProperty() {
        return router;
    }

    public StringProperty dnsProperty() {
        return dns;
    }

    public StringProperty leaseSecondsProperty() {
        return leaseSeconds;
    }

    public StringProperty dhcpdConfProperty() {
        return dhcpdConf;
    }

    public BooleanProperty dhcpdConfEditedProperty() {
        return dhcpdConfEdited;
    }

    public StringProperty probeProperty() {
        return probe;
    }

    public ReadOnlyObjectProperty<SetupExamination> examinationProperty() {
        return examination.getReadOnlyProperty();
    }

    /** What Pacemaker will do once both nodes are online with the plan's configuration, one action a line. */
    public ObservableList<String> prediction() {
        return prediction;
    }

    public ObservableList<DiskConfirmation> confirmations() {
        return confirmations;
    }

    public ReadOnlyBooleanProperty canBuildProperty() {
        return canBuild.getReadOnlyProperty();
    }

    public ObservableList<RunStep> steps() {
        return steps;
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupEvent.SyncProgress> syncProperty() {
        return sync.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupEvent.Verified> verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How the finished run went, in a sentence: its time and its steps. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The built cluster was opened in the console: the wizard has nothing left to show. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
