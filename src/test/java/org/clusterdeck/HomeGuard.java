package org.clusterdeck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.clusters.ClusterProfileStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every test class that leaves a trace in the home directory its JVM runs with: a file
 * created, changed or removed in ClusterDeck's data or config directory (where the product puts
 * them when nobody says otherwise: {@code $XDG_DATA_HOME}, {@code $XDG_CONFIG_HOME}, or their
 * fallbacks under {@code user.home}) or in {@code ~/.ssh/known_hosts} (the command line's
 * default), or a change of a property that names these directories, not restored when the class
 * ends. A file written there by a process the class started counts too. Registered for every
 * class through {@code META-INF/services} and {@code junit-platform.properties}.
 *
 * <p>The build runs the tests with {@code user.home}, {@code HOME} and the XDG variables in
 * target/ (see the pom and {@code RepositoryHygieneTest}), so what is watched is the tests' own
 * home: the real one cannot be written through them, and a ClusterDeck the user runs meanwhile,
 * which does write to the real home, cannot make a test fail. Run without that (from an IDE), the
 * real home is watched.
 */
public final class HomeGuard implements BeforeAllCallback, AfterAllCallback {
    /** The properties that decide where ClusterDeck and the JDK put a user's files. */
    static final List<String> PROPERTIES = List.of("clusterdeck.dataDir", "clusterdeck.configDir", "user.home");

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HomeGuard.class);
    private static final Set<String> GUARDED = ConcurrentHashMap.newKeySet();

    /** What a class found before it ran: the watched files and the properties. */
    record Snapshot(Map<String, String> files, Map<String, String> properties) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put(Snapshot.class, take(watched(), System.getProperties()));
        GUARDED.add(context.getRequiredTestClass().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Snapshot before = context.getStore(NS).get(Snapshot.class, Snapshot.class);
        if (before == null) {
            return;
        }
        List<String> changes = differences(before, take(watched(), System.getProperties()));
        if (!changes.isEmpty()) {
            throw new AssertionError(context.getRequiredTestClass().getSimpleName()
                    + " left a trace outside its own directories (give each test its own, never a JVM-wide"
                    + " property or a home): " + String.join("; ", changes));
        }
    }

    /** Test classes this guard has looked at in this JVM: shows that it is registered. */
    static Set<String> guarded() {
        return Set.copyOf(GUARDED);
    }

    /** The watched places for this JVM: see the class comment. */
    static List<Path> watched() {
        return watched(System.getProperty("user.home"), List.of(System.getenv(), Map.of()));
    }

    /**
     * ClusterDeck's data and config directories as the product resolves them for {@code home} and
     * each environment, and the home's {@code .ssh/known_hosts} (the command line's default).
     */
    static List<Path> watched(String home, List<Map<String, String>> environments) {
        Set<Path> out = new LinkedHashSet<>();
        for (Map<String, String> env : environments) {
            out.add(AuditLog.defaultDirectory(env, home));
            out.add(ClusterProfileStore.defaultDirectory(env, home));
        }
        out.add(Path.of(home, ".ssh", "known_hosts"));
        return List.copyOf(out);
    }

    /** Every regular file in or at the watched places with its size and modification time. */
    static Snapshot take(List<Path> watched, Map<?, ?> properties) {
        Map<String, String> files = new TreeMap<>();
        for (Path w : watched) {
            if (!Files.exists(w)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(w)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files.put(f.toString(), Files.size(f) + " bytes, modified " + Files.getLastModifiedTime(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + w, e);
            }
        }
        Map<String, String> props = new TreeMap<>();
        for (String p : PROPERTIES) {
            props.put(p, properties.get(p) == null ? null : properties.get(p).toString());
        }
        return new Snapshot(files, props);
    }

    /** What changed between two snapshots, one line per file or property. */
    static List<String> differences(Snapshot before, Snapshot after) {
        List<String> out = new ArrayList<>();
        for (String p : PROPERTIES) {
            String was = before.properties().get(p);
            String now = after.properties().get(p);
            if (!Objects.equals(was, now)) {
                out.add("property " + p + " was " + shown(was) + ", is " + shown(now));
            }
        }
        Set<String> paths = new TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        for (String f : paths) {
            String was = before.files().get(f);
            String now = after.files().get(f);
            if (was == null) {
                out.add("created " + f);
            } else if (now == null) {
                out.add("removed " + f);
            } else if (!was.equals(now)) {
                out.add("changed " + f + " (" + was + " -> " + now + ")");
            }
        }
        return out;
    }

    private static String shown(String value) {
        return value == null ? "unset" : "'" + value + "'";
    }
}
