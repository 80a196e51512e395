package org.clusterdeck.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.BuildInfo;
import org.clusterdeck.RealCrmMon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a script sees it: exit codes, one-line errors, and the JSON contract. */
class CliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode withoutFindings(JsonNode n) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("findings");
        return n;
    }

    static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            k.add(it.next());
        }
        return k;
    }

    @Test
    void versionIsTheBuilds() {
        Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("ClusterDeck " + BuildInfo.version(), r.out().strip());
    }

    /** Only the named subcommand (or alias) is built; the help and a mistyped name have them all. */
    @Test
    void aCommandLineBuildsOnlyTheSubcommandItNames() {
        assertEquals(List.of(StatusCommand.class), ClusterDeckCommand.subcommandsFor("status", "--json"));
        assertEquals(List.of(ActionCommands.Standby.class), ClusterDeckCommand.subcommandsFor("evacuate", "node1"));
        assertEquals(List.of(), ClusterDeckCommand.subcommandsFor("--version"));
        List<Class<?>> all = ClusterDeckCommand.subcommandsFor("--help");
        assertEquals(all, ClusterDeckCommand.subcommandsFor("statsu"));
        assertEquals(all, ClusterDeckCommand.subcommandsFor());

        Run help = run("--help");
        assertEquals(0, help.code(), help.err());
        for (Class<?> c : all) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertTrue(help.out().matches("(?s).*\n  " + name + "[ ,].*"), name + " missing from the help:\n" + help.out());
        }
        Run typo = run("statsu");
        assertEquals(Cli.USAGE, typo.code());
        assertTrue(typo.err().contains("'statsu'"), typo.err());
        Run alias = run("evacuate", "--help");
        assertEquals(0, alias.code(), alias.err());
        assertTrue(alias.out().contains("standby"), alias.out());
    }

    @Test
    void graphJsonHasTheContractShape() throws Exception {
        Run r = run("graph", "--cib-file",
                Corpus.path("pacemaker/cib/bundle-order-startup-clone-2.xml").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode g = r.json();
        assertEquals(List.of("resources", "constraints", "edges"), keys(g));
        assertEquals(List.of("id", "kind", "agent", "parent"), keys(g.get("resources").get(0)));
        assertEquals(List.of("id", "kind", "resources", "score"), keys(g.get("constraints").get(0)));
        assertEquals(List.of("from", "to", "kind", "constraint", "score", "fromRole", "toRole", "fromAction",
                "toAction"), keys(g.get("edges").get(0)));
    }

    @Test
    void statusJsonHasTheContractShape() throws Exception {
        Run r = run("status", "--crm-mon-xml", Corpus.path("pacemaker/crm_mon/promoted-0.xml").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode s = r.json();
        assertEquals(List.of("nodes", "resources", "failures", "findings"), keys(s));
        assertEquals(List.of("name", "online", "standby", "maintenance", "dc"), keys(s.get("nodes").get(0)));
        assertEquals(List.of("id", "agent", "role", "nodes", "parent", "managed", "failed"),
                keys(s.get("resources").get(0)));
    }

    /**
     * A two-node CIB with fencing off and quorum ignored, through the real crm_mon: the findings
     * name both, with the commands that set them back, as the overview shows them.
     */
    @Test
    void statusJsonCarriesTheFindingsWithTheirCommands() throws Exception {
        Path cib = Corpus.path("pacemaker/cib/promoted-move.xml");
        Run r = run("status", "--cib-file", cib.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode findings = r.json().get("findings");
        JsonNode fencing = null;
        for (JsonNode f : findings) {
            assertEquals(List.of("kind", "severity", "subject", "message", "commands", "details"), keys(f));
            if (f.get("kind").asText().equals("fencing-disabled")) {
                fencing = f;
            }
        }
        assertTrue(fencing != null, findings.toString());
        assertEquals("warning", fencing.get("severity").asText());
        assertEquals("fencing-enabled", fencing.get("subject").asText());
        assertEquals("crm_attribute --type crm_config --name fencing-enabled --update=true",
                fencing.get("commands").get(0).get("command").asText());
        assertTrue(fencing.get("commands").get(0).get("node").isNull(), "any node");
        assertTrue(findings.toString().contains("\"quorum-ignored\""), findings.toString());

        Run text = run("status", "--cib-file", cib.toString());
        assertTrue(text.out().contains("\nFindings:\n") && text.out().contains("\n  WARNING: fencing off"), text.out());
    }

    /**
     * DRBD 8.4's own events2 stream of a split brain: the alarm, and the recovery in 8.4's words
     * (the resource, never a DRBD 9 connection name); the node of a file is "this node".
     */
    @Test
    void drbdJsonOfASplitBrainCaptureCarriesTheAlarmAndItsRecovery() throws Exception {
        Path f = Corpus.path("drbd/drbd84/e2-split-brain__vm1__drbdsetup_events2_timestamps_statistics_stream.txt");
        Run r = run("drbd", "--status-file", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("resources", "findings"), keys(r.json()));
        JsonNode findings = r.json().get("findings");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode sb = findings.get(0);
        assertEquals("drbd-split-brain", sb.get("kind").asText());
        assertEquals("critical", sb.get("severity").asText());
        assertEquals("r0", sb.get("subject").asText());
        List<String> commands = new ArrayList<>();
        sb.get("commands").forEach(c -> commands.add(c.get("command").asText()));
        assertTrue(commands.contains("drbdadm secondary r0"), commands.toString());
        assertTrue(commands.contains("drbdadm connect --discard-my-data r0"), commands.toString());
        assertTrue(commands.stream().noneMatch(c -> c.contains("r0:")), commands.toString());
        assertTrue(sb.get("details").asText().startsWith("Split brain on r0"), sb.get("details").asText());

        Run text = run("drbd", "--status-file", f.toString());
        assertTrue(text.out().contains("CRITICAL: Split brain on r0"), text.out());
        assertTrue(text.out().contains("    ClusterDeck runs none of these commands"), text.out());
    }

    /** setup: the example spec reads back; without --yes or a terminal nothing runs; a bad spec is one line naming the key. */
    @Test
    void setupPrintsItsExampleAndPreviewsOnly() throws Exception {
        Run example = run("setup", "--example");
        assertEquals(0, example.code(), example.err());
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, example.out());
        assertEquals(2, org.clusterdeck.cluster.setup.SetupSpecReader.read(spec).nodes().size());

        Run apply = run("setup", "--spec", spec.toString());
        assertEquals(2, apply.code(), apply.err());
        assertTrue(apply.err().contains("add --yes to accept it in advance, or --dry-run to preview; nothing has run"),
                apply.err());

        Files.writeString(spec, example.out().replace("secondLink:", "secondlink:"));
        Run typo = run("setup", "--spec", spec.toString(), "--dry-run");
        assertEquals(1, typo.code(), typo.err());
        assertEquals(1, typo.err().lines().count(), typo.err());
        assertTrue(typo.err().contains("unknown key 'secondlink'"), typo.err());
    }

    @Test
    void statusFromCibFileRunsTheRealCrmMonAndAgreesWithItsSavedOutput() throws Exception {
        String name = "promoted-0.xml";
        Run viaCrmMon = run("status", "--cib-file", Corpus.path("pacemaker/cib/" + name).toString(), "--json");
        assertEquals(0, viaCrmMon.code(), viaCrmMon.err());
        Run saved = run("status", "--crm-mon-xml", Corpus.path("pacemaker/crm_mon/" + name).toString(), "--json");
        // the findings differ by design: from a CIB file they also judge the configuration, which
        // a saved crm_mon output does not hold
        assertEquals(withoutFindings(saved.json()), withoutFindings(viaCrmMon.json()));
    }

    /** A file of the real crm_mon's output for a corpus CIB, as an admin would save it. */
    private Path savedCrmMon(String cib, String... options) throws IOException {
        Path f = dir.resolve(cib + "-" + String.join("", options).replaceAll("[^a-z]", "") + ".xml");
        Files.writeString(f, RealCrmMon.output(Corpus.path("pacemaker/cib/" + cib + ".xml"), options));
        return f;
    }

    /** Layouts that cannot give the whole status: resources grouped by node (parents lost), no nodes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--group-by-node | crm_mon --group-by-node output: <node name=\"webcluster01\"> lists the resources "
                + "active there",
        "--exclude=nodes | crm_mon output without a <nodes> section (crm_mon --exclude=nodes"})
    void statusRefusesAnIncompleteLayoutInOneLine(String option, String problem) throws Exception {
        Path f = savedCrmMon("cloned-group", "--output-as=xml", "-1", "--inactive", option);
        Run r = run("status", "--crm-mon-xml", f.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("clusterdeck: " + f + ": " + problem), r.err());
        assertEquals("", r.out());
    }

    @Test
    void statusReadsGroupByNodeOutputWithNothingActiveAsThePlainLayout() throws Exception {
        // Bundles, clones and groups, all stopped: no node lists a resource and nothing is left out.
        Path f = savedCrmMon("stop-all-resources", "--output-as=xml", "-1", "--inactive", "--group-by-node");
        Run grouped = run("status", "--crm-mon-xml", f.toString(), "--json");
        assertEquals(0, grouped.code(), grouped.err());
        Run plain = run("status", "--crm-mon-xml", Corpus.path("pacemaker/crm_mon/stop-all-resources.xml").toString(),
                "--json");
        assertEquals(plain.json(), grouped.json());
        assertTrue(grouped.json().get("resources").findValues("parent").stream().anyMatch(p -> !p.isNull()),
                "members keep their parents");
    }

    @Test
    void drbdJsonHasTheContractShape() throws Exception {
        Path f = Corpus.files("drbd/drbd9", "__vm1__drbdsetup_status_json_verbose_statistics.txt").stream()
                .filter(p -> p.getFileName().toString().startsWith("v9-a2-sync-t2")).findFirst().orElseThrow();
        Run r = run("drbd", "--status-file", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode res = r.json().get("resources").get(0);
        assertEquals(List.of("name", "role", "devices", "connections"), keys(res));
        assertEquals(List.of("volume", "minor", "diskState"), keys(res.get("devices").get(0)));
        JsonNode conn = res.get("connections").get(0);
        assertEquals(List.of("peer", "connectionState", "peerRole", "peerDevices"), keys(conn));
        assertEquals(List.of("volume", "replicationState", "peerDiskState", "outOfSyncKiB", "syncDonePercent",
                "speedKiBps", "etaSeconds"), keys(conn.get("peerDevices").get(0)));
    }

    @Test
    void textOutputIsTheDefault() {
        Run r = run("status", "--crm-mon-xml", Corpus.path("pacemaker/crm_mon/promoted-0.xml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Nodes:\n"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--bogus", "status", "status --crm-mon-xml a --cib-file b", "graph",
        "graph --cib-file x --format gif", "status --crm-mon-xml x --json --format dot"})
    void badUsageExitsWithTwo(String args) {
        Run r = run(args.isEmpty() ? new String[] {"nosuchcommand"} : args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("clusterdeck: "), r.err());
    }

    /**
     * A caller's own audit directory takes every record of the command line it runs, the default
     * directory none: tests keep their audit logs apart without changing the JVM's properties.
     */
    @Test
    void anAuditDirectoryGivenToTheCommandLineTakesItsRecords() throws Exception {
        Path own = dir.resolve("own-audit");
        Path shared = org.clusterdeck.app.audit.AuditLog.defaultDirectory().resolve("audit.log");
        long sharedBefore = Files.exists(shared) ? Files.size(shared) : -1;
        int port;
        try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closedAgain.getLocalPort();
        }
        StringWriter err = new StringWriter();
        int code = Cli.run(own, new PrintWriter(new StringWriter()), new PrintWriter(err), "status", "--host",
                "root@127.0.0.1:" + port, "--connect-timeout", "2", "--known-hosts",
                dir.resolve("known_hosts").toString(), "-i", dir.resolve("no-key").toString());
        assertEquals(1, code, err.toString());
        List<String> records = Files.readAllLines(own.resolve("audit.log"));
        assertEquals(1, records.size(), records.toString());
        JsonNode r = JSON.readTree(records.get(0));
        assertEquals("root@127.0.0.1:" + port, r.get("node").asText(), r.toString());
        // status first asks what the node runs (which crm_mon XML its Pacemaker prints): crm_node -n
        assertEquals("crm_node", r.get("argv").get(0).asText(), r.toString());
        assertEquals(sharedBefore, Files.exists(shared) ? Files.size(shared) : -1, "nothing in " + shared);
    }

    @Test
    void connectTimeoutBoundsTheWaitForANodeThatNeverSpeaksSsh() throws Exception {
        // accepts the TCP connection and then says nothing, like a hung sshd
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            Run r = run("status", "--host", "root@127.0.0.1:" + silent.getLocalPort(), "--connect-timeout", "1",
                    "--known-hosts", dir.resolve("known_hosts").toString(), "-i", dir.resolve("no-key").toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("127.0.0.1") && r.err().contains("timed out"), r.err());
            assertTrue(ms < 8000, "bounded by the 1 s timeout, not the default 10 s: " + ms + " ms");
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "601", "NaN"})
    void connectTimeoutOutOfRangeIsBadUsage(String seconds) {
        Run r = run("status", "--host", "root@127.0.0.1:1", "--connect-timeout", seconds);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--connect-timeout"), r.err());
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        Run r = run("graph", "--cib-file", dir.resolve("nope.xml").toString());
        assertEquals(1, r.code());
        assertEquals("clusterdeck: " + dir.resolve("nope.xml") + ": no such file\n", r.err());
    }

    /** Each hostile input, for each reader, is a one-line error with exit code 1, within seconds. */
    @ParameterizedTest
    @ValueSource(strings = {"empty", "truncated", "html", "binary", "bomb", "xxe"})
    void hostileInputIsRefusedWithOneLine(String kind) throws Exception {
        Path f = dir.resolve(kind + ".in");
        Files.write(f, hostile(kind));
        for (String[] args : List.of(
                new String[] {"graph", "--cib-file", f.toString(), "--json"},
                new String[] {"status", "--crm-mon-xml", f.toString(), "--json"},
                new String[] {"drbd", "--status-file", f.toString(), "--json"})) {
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run(args));
            assertEquals(1, r.code(), args[0] + " " + kind + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("clusterdeck: " + f), args[0] + " " + kind + ": " + r.err());
            assertEquals("", r.out());
            assertTrue(!r.err().contains("TOP-SECRET"));
        }
    }

    byte[] hostile(String kind) throws Exception {
        String cib = Corpus.read("pacemaker/cib/promoted-0.xml");
        return switch (kind) {
            case "empty" -> new byte[0];
            case "truncated" -> cib.substring(0, cib.length() / 3).getBytes(StandardCharsets.UTF_8);
            case "html" -> ("<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>"
                    + "<body><h1>Service Unavailable</h1></body></html>\n").getBytes(StandardCharsets.UTF_8);
            case "binary" -> {
                byte[] b = new byte[4096];
                new java.util.Random(7).nextBytes(b);
                yield b;
            }
            case "bomb" -> org.clusterdeck.cluster.xml.SafeXmlTest.BOMB.getBytes(StandardCharsets.UTF_8);
            case "xxe" -> {
                Path secret = dir.resolve("secret");
                Files.writeString(secret, "TOP-SECRET");
                yield ("<?xml version=\"1.0\"?><!DOCTYPE cib [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<cib epoch=\"&x;\"><configuration/></cib>").getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void unknownFutureElementsAndAttributesAreAccepted() throws Exception {
        String cib = Corpus.read("pacemaker/cib/promoted-0.xml")
                .replaceFirst("<configuration>", "<configuration future-attr=\"x\"><future-section><thing id=\"t\"/></future-section>")
                .replaceFirst("<resources>", "<resources><quantum-resource id=\"q1\" flux=\"9\"/>")
                .replaceFirst("<primitive ", "<primitive sparkle=\"yes\" ");
        Path f = dir.resolve("future.xml");
        Files.writeString(f, cib);
        Run future = run("graph", "--cib-file", f.toString(), "--json");
        Run plain = run("graph", "--cib-file", Corpus.path("pacemaker/cib/promoted-0.xml").toString(), "--json");
        assertEquals(0, future.code(), future.err());
        assertEquals(plain.json(), future.json());
    }

    @Test
    void fiftyMegabyteCibIsRead() throws Exception {
        // a real CIB with its resources repeated under fresh ids until it passes 50 MB
        String cib = Corpus.read("pcs/pcs-cib-large.xml");
        int start = cib.indexOf("<resources>") + "<resources>".length();
        int end = cib.indexOf("</resources>");
        String block = cib.substring(start, end);
        StringBuilder sb = new StringBuilder(cib.substring(0, start));
        int copies = 0;
        while (sb.length() < 50_000_000) {
            sb.append(block.replaceAll("id=\"", "id=\"c" + copies + "-"));
            copies++;
        }
        sb.append(cib.substring(end));
        Path f = dir.resolve("big.xml");
        Files.writeString(f, sb);
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("graph", "--cib-file", f.toString(), "--json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("resources").size() > copies, "resources of every copy");
    }

    @Test
    void graphWritesSvgPngAndDotFiles() throws Exception {
        String cib = Corpus.path("pacemaker/cib/bundle-order-startup-clone-2.xml").toString();
        for (String fmt : List.of("svg", "png", "dot")) {
            Path out = dir.resolve("g." + fmt);
            Run r = run("graph", "--cib-file", cib, "--format", fmt, "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.size(out) > 100, fmt);
        }
        byte[] png = Files.readAllBytes(dir.resolve("g.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.readString(dir.resolve("g.svg")).contains("<svg"));
        assertEquals(1, run("graph", "--cib-file", cib, "--format", "png").code(), "PNG needs -o");
    }
}
