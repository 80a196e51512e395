package org.clusterdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Quoted arguments go through a real /bin/sh: each must arrive byte for byte and run nothing. */
class ShellQuoteTest {
    @TempDir
    Path dir;

    /** Words a shell would take apart or run; a wrongly executed "touch MARK" leaves a MARK file. */
    static List<String> hostile() {
        return List.of(
            "plain", "", "with space", "it's", "''", "\"dq\"", "a;b", "$(touch MARK)", "`touch MARK`",
            "${IFS}touch${IFS}MARK", "line1\nline2; touch MARK", "-rf", "--force", "*", "~root", "a\\b",
            "\\'", "é ü 中", "&& touch MARK", "| touch MARK", "> MARK", "!bang", "#hash", "\t\r");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void argumentArrivesLiterallyAndExecutesNothing(String hostile) throws Exception {
        // run in the temp dir so a wrongly executed "touch MARK" would land there
        String script = "cd " + ShellQuote.quote(dir.toString()) + " && printf '%s\\0' "
                + ShellQuote.join(List.of(hostile, "second"));
        CommandResult r = new LocalProcessRunner().run(Command.of("/bin/sh", "-c", script));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(hostile, "second"), split(r.stdout()));
        assertFalse(Files.exists(dir.resolve("MARK")), "quoted argument was executed: " + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b"})
    void nulByteIsRefused(String arg) {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote(arg));
    }

    @org.junit.jupiter.api.Test
    void environmentIsPrefixedAndQuoted() {
        Command c = Command.of("crm_mon", "-1").withEnv("CIB_file", "/tmp/my cib.xml");
        assertEquals("CIB_file='/tmp/my cib.xml' crm_mon -1", ShellQuote.commandLine(c));
        assertThrows(IllegalArgumentException.class,
                () -> ShellQuote.commandLine(Command.of("x").withEnv("A;B", "v")));
    }

    @org.junit.jupiter.api.Test
    void aShownStandardInputIsAHereDocumentTheShellFeedsAsItIsAndASecretOneIsNotShown() throws Exception {
        String script = "primitive p ocf:pacemaker:Dummy params fake='$(touch MARK)'\nEND\ncommit\n";
        Command shown = Command.of("cat").withShownStdin(script);
        String line = ShellQuote.commandLine(shown);
        // END is a line of the text: the delimiter is another
        assertEquals("cat <<'END2'\n" + script + "END2", line);
        CommandResult r = new LocalProcessRunner().run(Command.of("/bin/sh", "-c", "cd " + ShellQuote.quote(dir.toString())
                + " && " + line));
        assertEquals(script, r.stdout());
        assertFalse(Files.exists(dir.resolve("MARK")));
        assertEquals("fence_virsh", Command.of("fence_virsh").withStdin("password=s3cret\n").display());
        assertEquals(shown.display(), shown.withTimeout(java.time.Duration.ofSeconds(5)).withEnv("CIB_file", "/f").display()
                .replace("CIB_file=/f ", ""));
    }

    static List<String> split(String nulSeparated) {
        List<String> parts = new ArrayList<>(List.of(nulSeparated.split("\0", -1)));
        parts.remove(parts.size() - 1);
        return parts;
    }
}
