package org.clusterdeck.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clusterdeck.Corpus;
import org.clusterdeck.app.BuildInfo;
import org.clusterdeck.cli.Cli;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.clusterdeck.transport.TransportException;
import org.clusterdeck.transport.ssh.Sshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages as an admin gets them: installer/build makes them from what this test run compiled
 * (target/classes and the dependency lists Maven wrote before the tests), the .deb is installed on
 * this machine with apt-get, its files checked, its command line and window run from the installed
 * launcher, and it is purged again; the .rpm is read with rpm, the tarball unpacked and run without
 * a system Java. Only as root (CI runs as root), and never over a ClusterDeck someone installed.
 */
@Tag("package")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageTest {
    private static final Path OUT = Path.of("target", "installer").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("/usr/bin/clusterdeck");
    private static final Path HOME = Path.of("/opt/clusterdeck");
    private static final Path ARCHIVE = HOME.resolve("lib/app/clusterdeck.jsa");
    /** One package test per machine at a time: two would install and purge the same package. */
    private static final Path LOCK = Path.of("/run/lock/clusterdeck-package-test.lock");
    private static final Duration BUILD = Duration.ofMinutes(6);
    private static final Duration APT = Duration.ofMinutes(3);
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String CRM_MON = "pacemaker/crm_mon/promoted-0.xml";

    private final LocalProcessRunner here = new LocalProcessRunner("here");
    private final String version = BuildInfo.version();
    private FileChannel lockFile;
    private FileLock lock;
    /** No clusterdeck package was installed before: the one installed here may be purged. */
    private boolean ours;
    private Path deb;
    private List<String> installedPaths = List.of();

    @BeforeAll
    void buildThePackages() throws Exception {
        Assumptions.assumeTrue(run(RUN, "id", "-u").stdout().strip().equals("0"),
                "package test skipped: it installs the .deb on this machine; run mvn test as root");
        lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock();
        Assumptions.assumeFalse(installed(), "package test skipped: a clusterdeck package is installed on this machine,"
                + " which the test would replace and purge; remove it first (apt-get purge clusterdeck)");
        ours = true;
        ok(BUILD, "installer/build", "--no-maven");
        deb = only("clusterdeck_*_amd64.deb");
    }

    @AfterAll
    void leaveNothingInstalled() throws Exception {
        try {
            if (ours && installed()) {
                run(APT, "apt-get", "purge", "-y", "-q", "-o", "DPkg::Lock::Timeout=120", "clusterdeck");
            }
        } finally {
            if (lock != null) {
                lock.release();
                lockFile.close();
            }
        }
    }

    @Test
    @Order(1)
    void theDebInstallsItsLauncherMenuEntryIconAndRuntime() throws Exception {
        // dpkg-shlibdeps' list: the packages of the libraries the runtime links against, with the least
        // version they need; none that only GTK itself needs (XCB, Wayland, PCRE)
        String depends = ok(RUN, "dpkg-deb", "-f", deb.toString(), "Depends").strip();
        Map<String, String> declared = new HashMap<>();
        for (String d : depends.split(",\\s*")) {
            int space = d.indexOf(' ');
            declared.put(space < 0 ? d : d.substring(0, space), space < 0 ? "" : d.substring(space + 1));
        }
        for (String p : List.of("libgtk-3-0", "libgl1", "libfontconfig1", "libxtst6", "libxxf86vm1")) {
            assertTrue(declared.containsKey(p), "Depends lacks " + p + ": " + depends);
        }
        assertTrue(declared.get("libgtk-3-0").startsWith("(>= 3."), "GTK without its version: " + depends);
        for (String p : List.of("libxcb1", "libwayland-client0", "libpcre2-8-0")) {
            assertFalse(declared.containsKey(p), "Depends names " + p + ", which only GTK needs: " + depends);
        }

        ok(APT, "apt-get", "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=120", deb.toString());
        installedPaths = ok(RUN, "dpkg", "-L", "clusterdeck").lines().toList();
        for (String p : List.of("/usr/bin/clusterdeck", "/opt/clusterdeck/bin/clusterdeck",
                "/opt/clusterdeck/bin/clusterdeck.jvmopts", "/opt/clusterdeck/lib/app/clusterdeck.jar",
                "/opt/clusterdeck/lib/runtime/bin/java", "/opt/clusterdeck/lib/runtime/lib/modules",
                "/opt/clusterdeck/lib/runtime/lib/libglassgtk3.so", "/usr/share/applications/clusterdeck.desktop",
                "/usr/share/icons/hicolor/scalable/apps/clusterdeck.svg",
                "/usr/share/icons/hicolor/48x48/apps/clusterdeck.png")) {
            assertTrue(installedPaths.contains(p), "dpkg -L lacks " + p);
            assertTrue(Files.exists(Path.of(p)), p + " not on disk");
        }
        assertEquals(HOME.resolve("bin/clusterdeck"), LAUNCHER.toRealPath());
        // one launcher and one set of JVM options: the source tree's, as they are
        assertEquals(Files.readString(Path.of("installer/clusterdeck")), Files.readString(LAUNCHER));
        assertEquals(Files.readString(Path.of("installer/clusterdeck.jvmopts")),
                Files.readString(HOME.resolve("bin/clusterdeck.jvmopts")));
        assertEquals(List.of(), installedPaths.stream()
                .filter(p -> p.contains("/man/") || p.contains("/include/") || p.endsWith(".debuginfo")).toList(),
                "no man pages, headers or debug symbols");
        String release = Files.readString(HOME.resolve("lib/runtime/release"));
        assertTrue(release.contains("javafx.controls") && !release.contains("javafx.web"), release);

        ok(RUN, "desktop-file-validate", "/usr/share/applications/clusterdeck.desktop");

        // the class-data sharing archive postinst made where the jars lie: no file of the package
        assertTrue(Files.isRegularFile(ARCHIVE), "postinst made no " + ARCHIVE);
        assertFalse(installedPaths.contains(ARCHIVE.toString()), "dpkg -L lists the archive");
    }

    /**
     * The installed launcher runs with the archive: ClusterDeck's own classes, the layout engine's
     * (ELK's jars were signed, and the JVM archives no class of a signed jar) and the JDK's come from
     * it; BouncyCastle's provider is never loaded.
     */
    @Test
    @Order(2)
    void theInstalledLauncherUsesTheClassDataSharingArchive() throws Exception {
        CommandResult graph = run(RUN, LAUNCHER.toString(), "-Xlog:class+load=info", "graph", "--cib-file",
                Path.of("lab/cib.xml.in").toAbsolutePath().toString(), "--format", "svg");
        assertEquals(0, graph.exitCode(), graph.stderr());
        for (String c : List.of("org.clusterdeck.cli.GraphCommand", "org.eclipse.elk.alg.layered.LayeredLayoutProvider",
                "java.lang.Object")) {
            assertTrue(graph.stdout().contains("] " + c + " source: shared objects file"), c + " not from the archive");
        }
        assertFalse(graph.stdout().contains("bouncycastle"), "BouncyCastle loaded");
    }

    /**
     * SSH from the installed package, whose runtime has only the JDK modules it was linked with: the
     * key exchange (X25519), the host key (ECDSA: the JDK's EC key factory under BouncyCastle's name)
     * and the login (Ed25519) succeed against a private sshd on the loopback. The node has no running
     * cluster, so the command ends at the software probe, with that node's answer to crm_node -n.
     */
    @Test
    @Order(2)
    void theInstalledPackageConnectsOverSsh(@TempDir Path dir) throws Exception {
        Sshd.assumeAvailable();
        Path key = Sshd.keygen(dir.resolve("id_user"), "ed25519");
        try (Sshd node = new Sshd(dir.resolve("node"), List.of("ecdsa"), List.of())) {
            node.authorize(key);
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + node.port + " " + node.hostKeyEntry("ecdsa") + "\n");
            // its audit log in the test's directory
            CommandResult status = run(RUN, Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.toString()),
                    LAUNCHER.toString(),
                    "-Xlog:class+load=info", "status", "--host", "root@127.0.0.1:" + node.port, "-i", key.toString(),
                    "--known-hosts", knownHosts.toString());
            assertEquals(1, status.exitCode(), status.stdout() + status.stderr());
            assertTrue(status.stderr().contains("127.0.0.1:" + node.port) && status.stderr().contains("'crm_node -n'"),
                    status.stderr());
            assertTrue(status.stdout().contains("] org.clusterdeck.cluster.software.SoftwareProbe source:"),
                    "the probe never ran");
            assertFalse(status.stdout().contains("bouncycastle"), "BouncyCastle loaded");
        }
    }

    @Test
    @Order(2)
    void theInstalledCommandLineWorksAsTheJarDoes() throws Exception {
        CommandResult v = run(RUN, LAUNCHER.toString(), "--version");
        assertEquals(0, v.exitCode(), v.stderr());
        assertEquals("ClusterDeck " + version, v.stdout().strip());
        System.out.println("PackageTest: clusterdeck --version from the installed package took "
                + v.elapsed().toMillis() + " ms");

        String xml = Corpus.path(CRM_MON).toString();
        CommandResult status = run(RUN, LAUNCHER.toString(), "status", "--crm-mon-xml", xml, "--json");
        assertEquals(0, status.exitCode(), status.stderr());
        StringWriter jarOut = new StringWriter();
        assertEquals(0, Cli.run(new PrintWriter(jarOut), new PrintWriter(new StringWriter()),
                "status", "--crm-mon-xml", xml, "--json"));
        assertEquals(jarOut.toString(), status.stdout());
    }

    /**
     * The window from the installed launcher on an Xvfb display of its own, with a home of its own:
     * its WM_CLASS is the menu entry's StartupWMClass, and JavaFX loads its native libraries from the
     * runtime instead of unpacking them into the home (~/.openjfx).
     */
    @Test
    @Order(3)
    void theWindowOpensFromTheInstalledLauncher(@TempDir Path home) throws Exception {
        String wmClass = Files.readAllLines(Path.of("/usr/share/applications/clusterdeck.desktop")).stream()
                .filter(l -> l.startsWith("StartupWMClass=")).map(l -> l.substring(l.indexOf('=') + 1))
                .findFirst().orElseThrow();
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process window = null;
        try {
            // Xvfb chooses a free display and writes its number once it accepts clients
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "-Duser.home=" + home)
                    .redirectErrorStream(true).redirectOutput(home.resolve("window.log").toFile());
            Map<String, String> env = pb.environment();
            env.put("DISPLAY", display);
            env.put("HOME", home.toString());
            env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
            env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
            env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
            window = pb.start();

            String id = null;
            long deadline = System.nanoTime() + RUN.toNanos();
            Pattern shown = Pattern.compile("(0x[0-9a-f]+) \"ClusterDeck\": \\(");
            while (id == null && System.nanoTime() < deadline && window.isAlive()) {
                Matcher m = shown.matcher(run(RUN, Map.of("DISPLAY", display), "xwininfo", "-root", "-tree").stdout());
                if (m.find()) {
                    id = m.group(1);
                } else {
                    Thread.sleep(250);
                }
            }
            if (id == null) {
                fail("no ClusterDeck window within " + RUN.toSeconds() + " s:\n"
                        + Files.readString(home.resolve("window.log")));
            }
            String prop = ok(RUN, Map.of("DISPLAY", display), "xprop", "-id", id, "WM_CLASS");
            assertTrue(prop.strip().endsWith("\"" + wmClass + "\""), prop + " is not StartupWMClass=" + wmClass);

            String maps = Files.readString(Path.of("/proc", Long.toString(window.pid()), "maps"));
            assertTrue(maps.contains(HOME.resolve("lib/runtime/lib/libglassgtk3.so").toString()),
                    "JavaFX's GTK library not loaded from the runtime");
            assertFalse(Files.exists(home.resolve(".openjfx")), "JavaFX unpacked its libraries into the home");
        } finally {
            stop(window);
            stop(xvfb);
        }
    }

    @Test
    @Order(4)
    void purgingLeavesNothingBehind() throws Exception {
        Assumptions.assumeFalse(installedPaths.isEmpty(), "needs the package installed by the test before");
        ok(APT, "apt-get", "purge", "-y", "-q", "-o", "DPkg::Lock::Timeout=120", "clusterdeck");
        assertFalse(installed());
        assertFalse(Files.exists(ARCHIVE), "prerm left " + ARCHIVE);
        List<String> left = installedPaths.stream().filter(p -> p.contains("clusterdeck"))
                .filter(p -> Files.exists(Path.of(p), java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        assertEquals(List.of(), left);
    }

    /** The .rpm holds the .deb's files (less the copyright file jpackage adds to the .deb) and requires the libraries. */
    @Test
    void theRpmListsTheSameFilesAndItsRequirements() throws Exception {
        Path rpm = only("clusterdeck-*.x86_64.rpm");
        Set<String> rpmFiles = ok(RUN, "rpm", "-qp", "--qf", "[%{FILEMODES:perms} %{FILENAMES}\\n]", rpm.toString())
                .lines().filter(l -> !l.startsWith("d")).map(l -> l.substring(l.indexOf(' ') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> debFiles = ok(RUN, "dpkg-deb", "-c", deb.toString()).lines().filter(l -> !l.startsWith("d"))
                .map(l -> l.replaceFirst("^.* \\./", "/").replaceFirst(" -> .*$", ""))
                .filter(p -> !p.equals("/opt/clusterdeck/share/doc/copyright"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(debFiles, rpmFiles);

        Set<String> requires = Set.copyOf(ok(RUN, "rpm", "-qp", "--requires", rpm.toString()).lines().map(String::strip)
                .toList());
        for (String r : List.of("libgtk-3.so.0()(64bit)", "libGL.so.1()(64bit)", "libfontconfig.so.1()(64bit)",
                "font(:lang=en)")) {
            assertTrue(requires.contains(r), "rpm requires no " + r + ": " + requires);
        }
    }

    /** Unpacked anywhere, the app image runs on its own runtime: the PATH holds no java, only what the script uses. */
    @Test
    void theTarballRunsWithoutASystemJava(@TempDir Path dir) throws Exception {
        Path tarball = only("clusterdeck-" + version + "-linux-x64.tar.gz");
        ok(RUN, "tar", "-C", dir.toString(), "-xzf", tarball.toString());
        Path bin = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("dirname", "readlink")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(ok(RUN, "sh", "-c", "command -v " + tool).strip()));
        }
        CommandResult v = run(RUN, Map.of("PATH", bin.toString()),
                dir.resolve("clusterdeck-" + version + "/bin/clusterdeck").toString(), "--version");
        assertEquals(0, v.exitCode(), v.stderr());
        assertEquals("ClusterDeck " + version, v.stdout().strip());
    }

    private boolean installed() throws TransportException {
        return run(RUN, "dpkg-query", "-W", "-f", "${Status}", "clusterdeck").stdout().contains("installed");
    }

    private static Path only(String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var files = Files.newDirectoryStream(OUT, glob)) {
            files.forEach(found::add);
        }
        assertEquals(1, found.size(), "installer/build made no single " + glob + " in " + OUT + ": " + found);
        return found.get(0);
    }

    private CommandResult run(Duration timeout, String... argv) throws TransportException {
        return run(timeout, Map.of(), argv);
    }

    private CommandResult run(Duration timeout, Map<String, String> env, String... argv) throws TransportException {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("DEBIAN_FRONTEND", "noninteractive");
        return here.run(new Command(List.of(argv), all, null, timeout));
    }

    private String ok(Duration timeout, String... argv) throws TransportException {
        return ok(timeout, Map.of(), argv);
    }

    /** Runs the command and fails the test with its output unless it exits 0. */
    private String ok(Duration timeout, Map<String, String> env, String... argv) throws TransportException {
        CommandResult r = run(timeout, env, argv);
        if (!r.ok()) {
            fail(String.join(" ", argv) + " exited " + r.exitCode() + "\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr());
        }
        return r.stdout();
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
