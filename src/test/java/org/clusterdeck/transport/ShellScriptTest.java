package org.clusterdeck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts run by a real /bin/sh, as they are and as the shell line SSH carries: whatever varies
 * arrives byte for byte, as an argument or as a word the builder quoted, and runs nothing.
 */
class ShellScriptTest {
    /** Prints its name and arguments, NUL-separated, from the directory given first. */
    private static final ShellScript PRINT_ARGUMENTS = ShellScript.fixed("cd \"$1\" && shift && printf '%s\\0' \"$0\" \"$@\"");

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.clusterdeck.transport.ShellQuoteTest#hostile")
    void argumentsArriveAsTheScriptsParameters(String hostile) throws Exception {
        Command c = PRINT_ARGUMENTS.run(hostile, List.of(dir.toString(), hostile, "second"));
        assertEquals(List.of("sh", "-c", PRINT_ARGUMENTS.text(), hostile, dir.toString(), hostile, "second"), c.argv());
        assertPrints(c, List.of(hostile, hostile, "second"));
    }

    @ParameterizedTest
    @MethodSource("org.clusterdeck.transport.ShellQuoteTest#hostile")
    void builtWordsAndCommandsArriveQuoted(String hostile) throws Exception {
        ShellScript script = ShellScript.builder().code("cd ").word(dir.toString()).code(" && ")
                .command(List.of("printf", "%s\\0", hostile, "second")).code(" && printf '%s\\0' ").word(hostile)
                .build();
        assertPrints(script.run(), List.of(hostile, "second", hostile));
    }

    @Test
    void withoutArgumentsTheScriptIsAllThereIs() {
        assertEquals(List.of("sh", "-c", "true"), ShellScript.fixed("true").run().argv());
        assertEquals(List.of("sh", "-c", "true", "sh", "a b"), ShellScript.fixed("true").run(List.of("a b")).argv());
    }

    /** Runs {@code c} directly and as the shell line SshRunner sends; both print {@code expected}. */
    private void assertPrints(Command c, List<String> expected) throws Exception {
        LocalProcessRunner local = new LocalProcessRunner();
        Command asShellLine = new Command(List.of("sh", "-c", c.display()), Map.of(), null, c.timeout());
        for (Command run : List.of(c, asShellLine)) {
            CommandResult r = local.run(run);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(expected, ShellQuoteTest.split(r.stdout()));
        }
        assertFalse(Files.exists(dir.resolve("MARK")), "a word was executed");
    }
}
