package org.clusterdeck.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One invocation of a tool: an argument list (never a shell string), extra environment (e.g.
 * {@code CIB_file}), optional standard input and a timeout that every runner enforces.
 *
 * @param shownStdin what the admin reads of the standard input (a script the tool runs, shown as a
 *                   here-document): the input itself, or the same with its secrets masked; null when the
 *                   input is data or a secret, which {@link #display} leaves out
 */
public record Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout, String shownStdin) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Command {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("every command needs a positive timeout");
        }
        if (shownStdin != null && stdin == null) {
            throw new IllegalArgumentException("no standard input to show");
        }
    }

    /** With its standard input, if any, left out of {@link #display}. */
    public Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout) {
        this(argv, env, stdin, timeout, null);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of(), null, DEFAULT_TIMEOUT);
    }

    /** A tool and the arguments built for it, e.g. {@code crm} and {@code [resource, move, ...]}. */
    public static Command of(String tool, List<String> args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(tool);
        argv.addAll(args);
        return new Command(argv, Map.of(), null, DEFAULT_TIMEOUT);
    }

    public Command withEnv(String name, String value) {
        var e = new java.util.HashMap<>(env);
        e.put(name, value);
        return new Command(argv, e, stdin, timeout, shownStdin);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, env, stdin, t, shownStdin);
    }

    public Command withStdin(String text) {
        return new Command(argv, env, text, timeout);
    }

    /** With a script on standard input that the admin reads as part of the command (crm configure's commands). */
    public Command withShownStdin(String script) {
        return new Command(argv, env, script, timeout, script);
    }

    /**
     * With a script on standard input that holds secrets: the admin reads it, and the audit log
     * keeps it, as {@code shown}, the same with the secrets masked; only the tool reads {@code script}.
     */
    public Command withShownStdin(String script, String shown) {
        return new Command(argv, env, script, timeout, shown);
    }

    /** Whether the standard input is shown as part of the command. */
    public boolean stdinShown() {
        return shownStdin != null;
    }

    /** How a person would type it, for previews, logs and error messages. */
    public String display() {
        return ShellQuote.commandLine(this);
    }
}
