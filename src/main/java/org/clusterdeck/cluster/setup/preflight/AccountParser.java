package org.clusterdeck.cluster.setup.preflight;

import org.clusterdeck.cluster.FormatException;

/** {@code getent passwd USER}: "name:password:uid:gid:gecos:home:shell". */
final class AccountParser {
    private AccountParser() {
    }

    static Account parse(String text, String source) {
        String line = text.strip();
        String[] f = line.split(":", -1);
        if (line.contains("\n") || f.length != 7) {
            throw new FormatException(source, "expected one passwd line with 7 fields, got '" + line + "'");
        }
        try {
            return new Account(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]));
        } catch (NumberFormatException e) {
            throw new FormatException(source, "uid or gid is not a number in '" + line + "'", e);
        }
    }
}
