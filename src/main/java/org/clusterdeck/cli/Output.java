package org.clusterdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's result goes: the file given with -o, or standard output. */
final class Output {
    private Output() {
    }

    static void text(String text, String file, PrintWriter out) {
        if (file == null || "-".equals(file)) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
        } else {
            bytes(text.getBytes(StandardCharsets.UTF_8), file);
        }
    }

    static void bytes(byte[] data, String file) {
        try {
            Files.write(Path.of(file), data);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot write: " + e.getMessage());
        }
    }
}
