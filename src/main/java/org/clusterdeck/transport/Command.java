package org.clusterdeck.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One invocation of a tool: an argument list (never a shell string), extra environment (e.g.
 * {@code CIB_file}), optional standard input and a timeout that every runner enforces.
 *
 * @param stdinShown the standard input is part of what the admin reads (a script the tool runs, shown
 *                   as a here-document); otherwise it is data or a secret and {@link #display} leaves it out
 */
public record Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout, boolean stdinShown) {
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
        if (stdinShown && stdin == null) {
            throw new IllegalArgumentException("no standard input to show");
        }
    }

    /** With its standard input, if any, left out of {@link #display}. */
    public Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout) {
        this(argv, env, stdin, timeout, false);
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
        return new Command(argv, e, stdin, timeout, stdinShown);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, env, stdin, t, stdinShown);
    }

    public Command withStdin(String text) {
        return new Command(argv, env, text, timeout);
    }

    /** With a script on standard input that the admin reads as part of the command (crm configure's commands). */
    public Command withShownStdin(String script) {
        return new Command(argv, env, script, timeout, true);
    }

    /** How a person would type it, for previews, logs and error messages. */
    public String display() {
        return ShellQuote.commandLine(this);
    }
}
