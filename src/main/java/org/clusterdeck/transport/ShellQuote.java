package org.clusterdeck.transport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one place where an argument list becomes a shell string (for SSH, which only carries a
 * string, and for showing commands to the admin). POSIX single quotes make every byte literal;
 * the only character needing care inside them is the single quote itself.
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellQuote() {
    }

    public static String quote(String arg) {
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("argument contains a NUL byte, which no command can receive");
        }
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }

    /**
     * {@code NAME=value ... argv}, with the environment sorted so the same command always reads the
     * same, and a shown standard input as a here-document after it.
     */
    public static String commandLine(Command command) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(command.env()).entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("invalid environment variable name: " + e.getKey());
            }
            sb.append(e.getKey()).append('=').append(quote(e.getValue())).append(' ');
        }
        sb.append(join(command.argv()));
        if (command.stdinShown()) {
            hereDocument(sb, command.shownStdin());
        }
        return sb.toString();
    }

    /**
     * {@code <<'END'}, the lines, {@code END}: quoted, so the shell takes every line as it is; the
     * delimiter is one no line of the text is.
     */
    private static void hereDocument(StringBuilder sb, String text) {
        List<String> lines = text.lines().toList();
        String end = "END";
        for (int i = 2; lines.contains(end); i++) {
            end = "END" + i;
        }
        sb.append(" <<'").append(end).append("'\n").append(text);
        if (!text.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append(end);
    }
}
