package org.clusterdeck.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shell code run as {@code sh -c}: the one way ClusterDeck runs a script. Its text is written out
 * in the source; what varies never becomes part of that text by hand. It travels beside the script
 * as arguments ({@code "$1"}, {@code "$@"}: {@link #run(List)}), or, where a script runs commands
 * built at run time, it is added through a {@link Builder}, which quotes every word with
 * {@link ShellQuote}.
 */
public final class ShellScript {
    private final String text;

    private ShellScript(String text) {
        this.text = text;
    }

    /** A script written out in full in the source; its callers' values are its arguments. */
    public static ShellScript fixed(String text) {
        return new ShellScript(text);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String text() {
        return text;
    }

    /** {@code sh -c TEXT}: the script as it is, for one that needs no arguments. */
    public Command run() {
        return Command.of("sh", "-c", text);
    }

    /** {@code sh -c TEXT sh ARGS…}: the script sees the arguments as {@code "$1"}… and {@code "$@"}. */
    public Command run(List<String> args) {
        return run("sh", args);
    }

    /**
     * The same with {@code $0} set to {@code name}: the shell puts it before its own error messages,
     * so a script that stands in for a tool can carry that tool's name.
     */
    public Command run(String name, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", text, name));
        argv.addAll(args);
        return new Command(argv, Map.of(), null, Command.DEFAULT_TIMEOUT);
    }

    /** Builds a script from code written in the source and words, quoted, that are known only at run time. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();

        private Builder() {
        }

        /** Shell code written out in the source: operators, redirections, the script's own variables. */
        public Builder code(String fixed) {
            text.append(fixed);
            return this;
        }

        /** One word, quoted: it reaches its command as it is, whatever it contains. */
        public Builder word(String value) {
            text.append(ShellQuote.quote(value));
            return this;
        }

        /** A command from its argument list, every word quoted. */
        public Builder command(List<String> argv) {
            text.append(ShellQuote.join(argv));
            return this;
        }

        public ShellScript build() {
            return new ShellScript(text.toString());
        }
    }
}
