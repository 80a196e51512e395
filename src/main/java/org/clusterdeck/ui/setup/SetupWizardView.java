package org.clusterdeck.ui.setup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.clusterdeck.app.setup.SetupEvent;
import org.clusterdeck.app.setup.SetupExamination;
import org.clusterdeck.app.setup.SetupFailure;
import org.clusterdeck.cluster.checks.Finding;
import org.clusterdeck.cluster.checks.SuggestedCommand;
import org.clusterdeck.cluster.events.Severity;
import org.clusterdeck.cluster.setup.Destruction;
import org.clusterdeck.cluster.setup.SetupProposal;
import org.clusterdeck.cluster.setup.SetupSpec;
import org.clusterdeck.cluster.setup.SetupSpecRules;
import org.clusterdeck.cluster.setup.SetupStep;
import org.clusterdeck.cluster.setup.preflight.ByteSize;
import org.clusterdeck.cluster.setup.preflight.DiskChoice;
import org.clusterdeck.cluster.setup.preflight.FactsSummary;
import org.clusterdeck.cluster.setup.preflight.NodeInventory;
import org.clusterdeck.ui.LabelList;
import org.clusterdeck.ui.Tables;

/** Binds the setup wizard's window to its {@link SetupWizardViewModel}: it shows, the view model decides. */
public final class SetupWizardView {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    /** What each fencing kind is and what it needs, as the admin chooses among them. */
    private static final Map<String, String> FENCING_HELP = Map.of(
            "ipmi", "Each node's BMC (iLO, iDRAC, IPMI) powers it off: fence_ipmilan with the BMC's address, user and"
                    + " password per node.",
            "virsh", "Virtual machines on a libvirt host: fence_virsh logs in to the host over SSH (address, user, and"
                    + " the domain's name as plug; password or identity_file among the more parameters).",
            "sbd", "A small shared disk both nodes see, with the softdog or a hardware watchdog (/dev/watchdog):"
                    + " fence_sbd's devices, the same path on both nodes. Check examines the disk and watchdog on each node.",
            "lab", "The ClusterDeck lab's power switch on the host (fence_lab): plug is the guest's name.",
            "none", "No fencing: only for a test bed.");

    private final SetupWizardViewModel vm;

    @FXML private VBox stepList;
    @FXML private Label pageTitle;
    @FXML private Label pageSubtitle;
    @FXML private StackPane pages;
    @FXML private Node nodesPage;
    @FXML private Node preflightPage;
    @FXML private Node clusterPage;
    @FXML private Node fencingPage;
    @FXML private Node storagePage;
    @FXML private Node servicePage;
    @FXML private Node reviewPage;
    @FXML private Node runPage;
    @FXML private Node verifyPage;
    @FXML private TextField host1;
    @FXML private TextField host2;
    @FXML private TextField user;
    @FXML private TextField identityFile;
    @FXML private TextField knownHosts;
    @FXML private TextField jumpHost;
    @FXML private Button testConnection;
    @FXML private VBox nodeSummary;
    @FXML private Button checkAgain;
    @FXML private Node blockingBox;
    @FXML private VBox blocking;
    @FXML private Node warningBox;
    @FXML private VBox warnings;
    @FXML private VBox fine;
    @FXML private TextField clusterName;
    @FXML private ComboBox<SetupProposal.Link> heartbeat;
    @FXML private CheckBox secondLink;
    @FXML private ComboBox<SetupProposal.Link> management;
    @FXML private TextField tokenMs;
    @FXML private ComboBox<String> fencingKind;
    @FXML private Label fencingHelp;
    @FXML private GridPane fenceFields;
    @FXML private Node fenceOptions;
    @FXML private ComboBox<String> delayNode;
    @FXML private CheckBox fenceTest;
    @FXML private Node noFencingBox;
    @FXML private Button checkFencing;
    @FXML private VBox fenceChecks;
    @FXML private CheckBox acknowledgeNoFencing;
    @FXML private Label disks1Title;
    @FXML private TableView<DiskChoice> disks1;
    @FXML private Label disks2Title;
    @FXML private TableView<DiskChoice> disks2;
    @FXML private TextField resyncRate;
    @FXML private ComboBox<String> filesystem;
    @FXML private TextField mountpoint;
    @FXML private ComboBox<String> nic;
    @FXML private TextField subnet;
    @FXML private TextField vip;
    @FXML private TextField rangeFrom;
    @FXML private TextField rangeTo;
    @FXML private TextField router;
    @FXML private TextField dns;
    @FXML private TextField leaseSeconds;
    @FXML private TextField probe;
    @FXML private TextArea dhcpdConf;
    @FXML private Node confirmBox;
    @FXML private VBox confirmations;
    @FXML private Node reviewWarningBox;
    @FXML private VBox reviewWarnings;
    @FXML private VBox planSteps;
    @FXML private VBox prediction;
    @FXML private ListView<RunStep> runSteps;
    @FXML private Label runningStep;
    @FXML private Node syncBox;
    @FXML private ProgressBar syncBar;
    @FXML private Label syncText;
    @FXML private TextArea runOutput;
    @FXML private Node failureBox;
    @FXML private TextArea failureText;
    @FXML private Label verifiedHeadline;
    @FXML private VBox verifiedLines;
    @FXML private Label builtSummary;
    @FXML private VBox problems;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private Button back;
    @FXML private Button next;
    @FXML private Button build;
    @FXML private Button stop;
    @FXML private Button buildAgain;
    @FXML private Button openCluster;

    public SetupWizardView(SetupWizardViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        steps();
        frame();
        nodes();
        preflight();
        cluster();
        fencing();
        storage();
        service();
        review();
        run();
        verify();
        vm.pageProperty().addListener((o, was, now) -> showPage(now));
        showPage(vm.pageProperty().get());
        // what the page waited for has come: the keyboard goes on from where the admin goes next
        vm.busyProperty().addListener((o, was, now) -> {
            if (!now) {
                Platform.runLater(() -> afterWork(vm.pageProperty().get()).requestFocus());
            }
        });
    }

    private Node afterWork(WizardPage p) {
        if (!next.isDisabled() && next.isVisible()) {
            return next;
        }
        return p == WizardPage.PREFLIGHT ? checkAgain : firstField(p);
    }

    // ---- the frame

    private void steps() {
        for (WizardPage p : WizardPage.values()) {
            Label l = new Label((p.ordinal() + 1) + ". " + p.title());
            l.getStyleClass().add("wizard-step");
            stepList.getChildren().add(l);
        }
    }

    private void frame() {
        busy.visibleProperty().bind(vm.busyProperty().or(vm.runningProperty()));
        status.textProperty().bind(vm.statusProperty());
        LabelList.bind(vm.problems(), problems, "problem");
        back.disableProperty().bind(vm.busyProperty().or(vm.pageProperty().isEqualTo(WizardPage.NODES)));
        next.disableProperty().bind(vm.canGoNextProperty().not());
        build.disableProperty().bind(vm.canBuildProperty().not());
        stop.disableProperty().bind(vm.runningProperty().not());
        buildAgain.disableProperty().bind(vm.runningProperty().or(vm.failureProperty().isNull()
                .and(Bindings.createBooleanBinding(() -> !(vm.outcomeProperty().get()
                        instanceof org.clusterdeck.app.setup.SetupOutcome.Stopped), vm.outcomeProperty()))));
        openCluster.disableProperty().bind(vm.verifiedProperty().isNull().and(Bindings.createBooleanBinding(() ->
                !(vm.outcomeProperty().get() instanceof org.clusterdeck.app.setup.SetupOutcome.Finished),
                vm.outcomeProperty())));
    }

    private void showPage(WizardPage p) {
        // only the shown page is in the scene: its fields' mnemonics (Alt+letter) are the only ones that count
        pages.getChildren().setAll(List.of(nodesPage, preflightPage, clusterPage, fencingPage, storagePage, servicePage,
                reviewPage, runPage, verifyPage).get(p.ordinal()));
        // a scroll pane puts its content into the scene only with its skin: make it now, so the focus can go in
        pages.applyCss();
        pages.layout();
        pageTitle.setText((p.ordinal() + 1) + ". " + p.title());
        pageSubtitle.setText(p.subtitle());
        for (int i = 0; i < stepList.getChildren().size(); i++) {
            stepList.getChildren().get(i).pseudoClassStateChanged(CURRENT, i == p.ordinal());
            stepList.getChildren().get(i).pseudoClassStateChanged(DONE, i < p.ordinal());
        }
        boolean form = p.ordinal() < WizardPage.REVIEW.ordinal();
        show(back, p.ordinal() <= WizardPage.REVIEW.ordinal());
        show(next, form);
        show(build, p == WizardPage.REVIEW);
        show(stop, p == WizardPage.RUN);
        show(buildAgain, p == WizardPage.RUN);
        show(openCluster, p == WizardPage.VERIFY);
        // the keyboard starts on the page's first field
        firstField(p).requestFocus();
    }

    private Node firstField(WizardPage p) {
        return switch (p) {
            case NODES -> host1;
            case PREFLIGHT -> checkAgain;
            case CLUSTER -> clusterName;
            case FENCING -> fencingKind;
            case STORAGE -> disks1;
            case SERVICE -> nic;
            case REVIEW -> confirmations.getChildren().isEmpty() ? build : confirmations.getChildren().get(0);
            case RUN -> stop;
            case VERIFY -> openCluster;
        };
    }

    // ---- pages

    private void nodes() {
        host1.textProperty().bindBidirectional(vm.host1Property());
        host2.textProperty().bindBidirectional(vm.host2Property());
        user.textProperty().bindBidirectional(vm.userProperty());
        identityFile.textProperty().bindBidirectional(vm.identityFileProperty());
        knownHosts.textProperty().bindBidirectional(vm.knownHostsProperty());
        jumpHost.textProperty().bindBidirectional(vm.jumpHostProperty());
        testConnection.disableProperty().bind(vm.busyProperty());
        vm.inventoriesProperty().addListener((o, was, now) -> nodeSummary.getChildren().setAll(now == null ? List.of()
                : now.stream().map(SetupWizardView::summary).toList()));
    }

    /** "root@10.0.0.11 is node1: eth0 10.0.0.11/24, eth1 …; disks /dev/vda 20.0 GiB (ext4, mounted on /), …". */
    private static Label summary(NodeInventory n) {
        String text = !n.reachable() ? n.label() + ": not reached (" + n.unreachable() + ")"
                : n.label() + " is " + n.unameNode() + ". Interfaces: " + n.interfaces().stream()
                        .map(i -> i.name() + (i.addresses().isEmpty() ? "" : " " + i.addresses().stream()
                                .map(Object::toString).collect(Collectors.joining(" "))) + (i.up() ? "" : " (down)"))
                        .collect(Collectors.joining(", ")) + ". Disks: " + n.disks().stream().map(d -> d.path() + " "
                                + ByteSize.human(d.sizeBytes()) + (d.contents().isEmpty() ? " (empty)" : " ("
                                + String.join(", ", d.contents()) + ")")).collect(Collectors.joining(", ")) + ".";
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private void preflight() {
        checkAgain.disableProperty().bind(vm.busyProperty().or(vm.inventoriesProperty().isNull()));
        vm.preflightProperty().addListener((o, was, now) -> findings(now, blocking, blockingBox, warnings, warningBox,
                fine));
        findings(null, blocking, blockingBox, warnings, warningBox, fine);
    }

    /** The examination's findings, worst first, each with what helps; then what was found in order. */
    private static void findings(SetupExamination e, VBox critical, Node criticalBox, VBox warned, Node warnedBox,
            VBox ok) {
        List<Finding> all = e == null ? List.of() : e.findings();
        critical.getChildren().setAll(all.stream().filter(f -> f.severity() == Severity.CRITICAL)
                .map(SetupWizardView::finding).toList());
        warned.getChildren().setAll(all.stream().filter(f -> f.severity() != Severity.CRITICAL)
                .map(SetupWizardView::finding).toList());
        show(criticalBox, !critical.getChildren().isEmpty());
        show(warnedBox, !warned.getChildren().isEmpty());
        if (ok != null) {
            ok.getChildren().setAll(e == null ? List.of() : FactsSummary.of(e.facts()).stream().map(t -> {
                        Label l = new Label(t);
                        l.setWrapText(true);
                        return l;
                    }).toList());
        }
    }

    private static Node finding(Finding f) {
        VBox box = new VBox(2);
        Label m = new Label(f.message());
        m.setWrapText(true);
        m.getStyleClass().add(f.severity() == Severity.CRITICAL ? "problem" : "warning");
        box.getChildren().add(m);
        for (SuggestedCommand c : f.commands()) {
            Label l = new Label("$ " + c.command() + (c.node() == null ? "" : "    # on " + c.node()));
            l.getStyleClass().add("command-line");
            box.getChildren().add(l);
        }
        return box;
    }

    private void cluster() {
        clusterName.textProperty().bindBidirectional(vm.clusterNameProperty());
        heartbeat.setItems(vm.links());
        heartbeat.valueProperty().bindBidirectional(vm.heartbeatProperty());
        management.setItems(vm.links());
        management.valueProperty().bindBidirectional(vm.managementProperty());
        management.disableProperty().bind(vm.secondLinkProperty().not());
        secondLink.selectedProperty().bindBidirectional(vm.secondLinkProperty());
        tokenMs.textProperty().bindBidirectional(vm.tokenMsProperty());
    }

    private void fencing() {
        fencingKind.getItems().setAll(SetupSpecRules.FENCING_KINDS);
        fencingKind.valueProperty().bindBidirectional(vm.fencingKindProperty());
        fencingHelp.textProperty().bind(Bindings.createStringBinding(() -> vm.fencingKindProperty().get() == null
                ? "Pick how a node that stops answering is powered off." : FENCING_HELP.get(vm.fencingKindProperty().get()),
                vm.fencingKindProperty()));
        delayNode.valueProperty().bindBidirectional(vm.delayNodeProperty());
        vm.inventoriesProperty().addListener((o, was, now) -> delayNode.getItems().setAll(vm.nodeNames()));
        fenceTest.selectedProperty().bindBidirectional(vm.fenceTestProperty());
        acknowledgeNoFencing.selectedProperty().bindBidirectional(vm.acknowledgeNoFencingProperty());
        noFencingBox.visibleProperty().bind(vm.fencingKindProperty().isEqualTo("none"));
        noFencingBox.managedProperty().bind(noFencingBox.visibleProperty());
        fenceOptions.visibleProperty().bind(vm.fencingKindProperty().isNotNull().and(vm.fencingKindProperty()
                .isNotEqualTo("none")));
        fenceOptions.managedProperty().bind(fenceOptions.visibleProperty());
        vm.fenceFields().addListener((ListChangeListener<FenceField>) c -> fenceFields());
        fenceFields();
        // the devices (SBD's disk and watchdogs) can be checked once the page's answers hold
        checkFencing.disableProperty().bind(vm.canGoNextProperty().not().or(vm.busyProperty())
                .or(vm.fencingKindProperty().isEqualTo("none")));
        LabelList.bind(vm.fenceChecks(), fenceChecks, "fence-check");
    }

    /** A row per node and parameter: "node1 ip [       ]". */
    private void fenceFields() {
        fenceFields.getChildren().clear();
        int row = 0;
        for (FenceField f : vm.fenceFields()) {
            Label name = new Label(f.node() + "  " + f.name());
            name.setMinWidth(150);
            TextField field = f.secret() ? new PasswordField() : new TextField();
            field.setId("wizard-fence-" + f.node() + "-" + f.name());
            field.textProperty().bindBidirectional(f.value());
            name.setLabelFor(field);
            GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
            fenceFields.addRow(row++, name, field);
        }
    }

    private void storage() {
        for (TableView<DiskChoice> t : List.of(disks1, disks2)) {
            Tables.column(t, "Disk", DiskChoice::path, 90);
            Tables.column(t, "Size", d -> ByteSize.human(d.sizeBytes()), 80);
            Tables.column(t, "Model", d -> d.model() == null ? "" : d.model(), 110);
            Tables.column(t, "By id", d -> d.byId().isEmpty() ? "" : d.byId().get(0), 280);
            Tables.column(t, "On it", d -> d.contents().isEmpty() ? (d.readOnly() ? "read-only" : "empty")
                    : String.join(", ", d.contents()), 240);
            Tables.colourRows(t, d -> false, d -> !d.looksEmpty());
            // the page opens only once both nodes were read without a problem: lsblk listed nothing usable
            Tables.placeholder(t, "lsblk lists no whole disk on this node; DRBD needs an empty one on each node.");
        }
        disks1.setItems(vm.disks1());
        disks2.setItems(vm.disks2());
        select(disks1, vm.disk1Property());
        select(disks2, vm.disk2Property());
        vm.inventoriesProperty().addListener((o, was, now) -> {
            List<String> names = vm.nodeNames();
            disks1Title.setText(names.isEmpty() ? "" : "Backing disk on " + names.get(0));
            disks2Title.setText(names.size() < 2 ? "" : "Backing disk on " + names.get(1));
        });
        resyncRate.textProperty().bindBidirectional(vm.resyncRateProperty());
        filesystem.getItems().setAll(SetupSpec.Filesystem.TYPES);
        filesystem.valueProperty().bindBidirectional(vm.filesystemProperty());
        mountpoint.textProperty().bindBidirectional(vm.mountpointProperty());
    }

    /** The table's selection and the view model's choice, kept the same both ways. */
    private static void select(TableView<DiskChoice> table, javafx.beans.property.ObjectProperty<DiskChoice> chosen) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chosen.set(now);
            }
        });
        chosen.addListener((o, was, now) -> table.getSelectionModel().select(now));
        table.getItems().addListener((ListChangeListener<DiskChoice>) c -> table.getSelectionModel().select(chosen.get()));
    }

    private void service() {
        nic.setItems(vm.nics());
        nic.valueProperty().bindBidirectional(vm.nicProperty());
        subnet.textProperty().bindBidirectional(vm.subnetProperty());
        vip.textProperty().bindBidirectional(vm.vipProperty());
        rangeFrom.textProperty().bindBidirectional(vm.rangeFromProperty());
        rangeTo.textProperty().bindBidirectional(vm.rangeToProperty());
        router.textProperty().bindBidirectional(vm.routerProperty());
        dns.textProperty().bindBidirectional(vm.dnsProperty());
        leaseSeconds.textProperty().bindBidirectional(vm.leaseSecondsProperty());
        probe.textProperty().bindBidirectional(vm.probeProperty());
        dhcpdConf.textProperty().bindBidirectional(vm.dhcpdConfProperty());
        // typing in the file makes it the admin's own; the made file changes no more under the hands
        dhcpdConf.setOnKeyTyped(e -> vm.dhcpdConfEditedProperty().set(true));
    }

    private void review() {
        vm.examinationProperty().addListener((o, was, now) -> plan(now));
        vm.confirmations().addListener((ListChangeListener<DiskConfirmation>) c -> confirmations.getChildren().setAll(
                vm.confirmations().stream().map(SetupWizardView::confirmation).toList()));
        LabelList.bind(vm.prediction(), prediction, "command-line");
        confirmBox.visibleProperty().bind(Bindings.isNotEmpty(vm.confirmations()));
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());
        plan(null);
    }

    private static Node confirmation(DiskConfirmation c) {
        Destruction d = c.destruction();
        CheckBox box = new CheckBox("Step " + c.step() + ": " + d.confirmation());
        box.setWrapText(true);
        box.setId("wizard-confirm-" + c.step() + "-" + d.node());
        box.selectedProperty().bindBidirectional(c.confirmed());
        box.getStyleClass().add("destructive");
        return box;
    }

    /** Each step as a folded pane, "3. corosync", with why and its commands per node; the destructive ones open. */
    private void plan(SetupExamination e) {
        findings(e, new VBox(), new VBox(), reviewWarnings, reviewWarningBox, null);
        planSteps.getChildren().clear();
        if (e == null || e.plan() == null) {
            return;
        }
        int n = 0;
        for (SetupStep step : e.plan().steps()) {
            VBox body = new VBox(4);
            Label why = new Label(step.why());
            why.setWrapText(true);
            body.getChildren().add(why);
            step.commands().forEach((node, commands) -> {
                Label on = new Label("on " + node);
                on.getStyleClass().add("section-title");
                TextArea text = new TextArea(commands.stream().map(c -> "$ " + c.display()).collect(Collectors.joining("\n")));
                text.setEditable(false);
                text.setWrapText(true);
                text.getStyleClass().add("commands");
                text.setPrefRowCount(Math.min(12, commands.size() + 1));
                text.setId("wizard-plan-" + step.name() + "-" + node);
                body.getChildren().addAll(on, text);
            });
            step.files().forEach(f -> {
                Label l = new Label("writes " + f.path() + " on " + f.node() + "; the file there before is kept as "
                        + f.backupPath());
                l.setWrapText(true);
                l.getStyleClass().add("hint");
                body.getChildren().add(l);
            });
            TitledPane pane = new TitledPane(++n + ". " + step.name() + (step.destroysData() ? ": overwrites a disk" : ""),
                    body);
            // the page is as wide as the window; long commands wrap inside, never widen it
            pane.setMinWidth(0);
            pane.setExpanded(step.destroysData());
            if (step.destroysData()) {
                pane.getStyleClass().add("destructive");
            }
            planSteps.getChildren().add(pane);
        }
    }

    private void run() {
        runSteps.setItems(vm.steps());
        runSteps.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunStep s, boolean empty) {
                super.updateItem(s, empty);
                textProperty().unbind();
                getStyleClass().removeIf(c -> c.startsWith("step-"));
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> mark(s.state().get()) + " " + s.name()
                        + (s.state().get() == RunStep.State.SKIPPED ? " (done before)" : ""), s.state()));
                getStyleClass().add("step-" + s.state().get().name().toLowerCase(Locale.ROOT));
                s.state().addListener((o, was, now) -> {
                    getStyleClass().removeIf(c -> c.startsWith("step-"));
                    getStyleClass().add("step-" + now.name().toLowerCase(Locale.ROOT));
                });
            }
        });
        runningStep.textProperty().bind(Bindings.createStringBinding(() -> vm.steps().stream()
                .filter(s -> s.state().get() == RunStep.State.RUNNING).map(s -> s.name() + ": " + s.why()).findFirst()
                .orElse(""), vm.steps(), vm.outputProperty()));
        runOutput.textProperty().bind(vm.outputProperty());
        runOutput.textProperty().addListener((o, was, now) -> runOutput.setScrollTop(Double.MAX_VALUE));
        syncBox.visibleProperty().bind(vm.syncProperty().isNotNull());
        syncBox.managedProperty().bind(syncBox.visibleProperty());
        vm.syncProperty().addListener((o, was, now) -> sync(now));
        failureBox.visibleProperty().bind(vm.failureProperty().isNotNull());
        failureBox.managedProperty().bind(failureBox.visibleProperty());
        vm.failureProperty().addListener((o, was, now) -> failureText.setText(now == null ? "" : failure(now)));
    }

    private static String mark(RunStep.State s) {
        return switch (s) {
            case WAITING -> "\u25cb";
            case RUNNING -> "\u25b6";
            case DONE -> "\u2714";
            case SKIPPED -> "\u2714";
            case STOPPED -> "\u25a0";
            case FAILED -> "\u2716";
        };
    }

    private void sync(SetupEvent.SyncProgress p) {
        if (p == null) {
            return;
        }
        syncBar.setProgress(p.donePercent() == null ? ProgressBar.INDETERMINATE_PROGRESS : p.donePercent() / 100);
        syncText.setText(String.format(Locale.ROOT, "Initial sync of %s (%s on %s): %s%s%s", p.resource(),
                p.replication(), p.node(), p.donePercent() == null ? "started" : String.format(Locale.ROOT, "%.1f %%",
                        p.donePercent()),
                p.speedKiBps() == null ? "" : String.format(Locale.ROOT, ", %.1f MiB/s", p.speedKiBps() / 1024.0),
                p.etaSeconds() == null ? "" : ", " + p.etaSeconds() / 60 + " min " + p.etaSeconds() % 60 + " s left"));
    }

    private static String failure(SetupFailure f) {
        StringBuilder sb = new StringBuilder("Step ").append(f.step()).append(" on ").append(f.node())
                .append(f.exitCode() == null ? ", did not run to its end" : ", exit " + f.exitCode()).append(":\n$ ")
                .append(f.command()).append('\n').append(f.output());
        if (!f.undo().isEmpty()) {
            sb.append("\nTo put the step back instead (not run; build again to finish it):\n");
            f.undo().forEach((node, commands) -> commands.forEach(c -> sb.append(node).append(": ").append(c).append('\n')));
        }
        return sb.toString();
    }

    private void verify() {
        builtSummary.textProperty().bind(vm.summaryProperty());
        vm.verifiedProperty().addListener((o, was, now) -> {
            if (now == null) {
                return;
            }
            verifiedHeadline.setText("Verified: the service failed over from " + now.activeBefore() + " to "
                    + now.activeAfter() + (now.downtimeMillis() == null ? "." : String.format(Locale.ROOT,
                            ", clients saw %.1f s without DHCP.", now.downtimeMillis() / 1000.0)));
            verifiedLines.getChildren().setAll(now.firstLease() == null
                    ? List.of(new Label("No lease was asked for: the Service page names no DHCP probe. The failover is"
                            + " proven by where the resources run."))
                    : List.of(new Label("Lease before the failover: " + now.firstLease().address() + " from "
                                    + now.firstLease().server()),
                            new Label("Lease after it: " + now.secondLease().address() + " from " + now.secondLease().server())));
        });
    }

    // ---- helpers

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    @FXML
    private void testConnection() {
        vm.testConnection();
    }

    @FXML
    private void checkAgain() {
        vm.checkAgain();
    }

    @FXML
    private void checkFencing() {
        vm.checkFencing();
    }

    @FXML
    private void resetDhcpdConf() {
        vm.resetDhcpdConf();
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void build() {
        vm.build();
    }

    @FXML
    private void stop() {
        vm.stop();
    }

    @FXML
    private void buildAgain() {
        vm.buildAgain();
    }

    @FXML
    private void openCluster() {
        vm.openCluster();
    }
}
