package org.clusterdeck.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One invocation of a tool: an argument list (never a shell string), extra environment (e.g.
 * {@code CIB_file}), optional standard input and a timeout that every runner enforces.
 */
public record Command(List<String> argv, Map<String, String> env, String stdin, Duration timeout) {
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
        return new Command(argv, e, stdin, timeout);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, env, stdin, t);
    }

    public Command withStdin(String text) {
        return new Command(argv, env, text, timeout);
    }

    /** How a person would type it, for previews, logs and error messages. */
    public String display() {
        return ShellQuote.commandLine(this);
    }
}
