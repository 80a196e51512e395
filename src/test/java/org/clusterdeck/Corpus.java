package org.clusterdeck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real cluster output, beside the project as {@code ../shared/corpus}
 * (or wherever {@code -Dclusterdeck.corpus} points). Read-only; never copied into the project.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        Path p = Path.of(System.getProperty("clusterdeck.corpus", "../shared/corpus")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("test corpus not found at " + p
                    + " (expected ../shared/corpus beside the project, or -Dclusterdeck.corpus=DIR)");
        }
        return p;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        return read(path(relative));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files of a corpus folder whose name ends with the suffix, sorted by name. */
    public static List<Path> files(String folder, String suffix) {
        try (Stream<Path> s = Files.list(path(folder))) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
