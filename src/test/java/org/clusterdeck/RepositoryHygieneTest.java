package org.clusterdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a merge can leave behind unnoticed by the compiler: conflict markers in docs, scripts, FXML. */
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
}
