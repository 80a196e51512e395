package org.clusterdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a merge can leave behind unnoticed by the compiler: conflict markers in docs, scripts, FXML;
 * and the build's promise that tests never write into the home of whoever runs them.
 */
class RepositoryHygieneTest {
    private static final List<String> ROOTS = List.of("README.md", "docs", "lab", "installer", "src", ".ci");

    @Test
    void noMergeConflictMarkersAreLeft() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : ROOTS) {
            Path start = Path.of(root);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(start)) {
                for (Path f : files.filter(Files::isRegularFile)
                        .filter(f -> !f.startsWith(Path.of("lab", "state"))).toList()) {
                    List<String> lines;
                    try {
                        lines = Files.readAllLines(f);
                    } catch (MalformedInputException binary) {
                        continue;
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        String l = lines.get(i);
                        if (l.startsWith("<<<<<<< ") || l.startsWith(">>>>>>> ") || l.equals("=======")) {
                            found.add(f + ":" + (i + 1) + ": " + l);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /**
     * The pom runs the tests with a home of their own in target/ ({@code user.home}, and for the
     * processes they start {@code HOME} and the XDG directories), and HomeGuard watches it for
     * every test class; the real home is then out of the tests' reach.
     */
    @Test
    void testsRunWithAHomeOfTheirOwnWatchedByTheGuard() {
        Path target = Path.of("target").toAbsolutePath();
        List<String> where = new ArrayList<>();
        where.add("user.home=" + System.getProperty("user.home"));
        for (String variable : List.of("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
            where.add(variable + "=" + System.getenv(variable));
        }
        for (String w : where) {
            String value = w.substring(w.indexOf('=') + 1);
            assertTrue(!value.equals("null") && Path.of(value).startsWith(target), w + " is not under " + target);
        }
        assertTrue(HomeGuard.guarded().contains(getClass().getName()), "HomeGuard did not run for this class");
    }
}
