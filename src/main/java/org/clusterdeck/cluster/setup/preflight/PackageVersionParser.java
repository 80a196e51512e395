package org.clusterdeck.cluster.setup.preflight;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdeck.cluster.FormatException;

/** Installed package versions from the package database's query tool; packages not installed are left out. */
final class PackageVersionParser {
    private PackageVersionParser() {
    }

    /**
     * {@code dpkg-query -W -f '${Package}\t${db:Status-Abbrev}\t${Version}\n'}: only status {@code ii}
     * is installed; {@code rc} (removed, configuration kept) and {@code un} are not. Packages dpkg
     * has never heard of are named on standard error only.
     */
    static Map<String, String> dpkg(String text, String source) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[1].strip().length() < 2) {
                throw new FormatException(source, "expected 'package<TAB>status<TAB>version', got '" + line + "'");
            }
            if (f[1].startsWith("ii")) {
                versions.put(f[0], f[2]);
            }
        }
        return versions;
    }

    /** {@code rpm -q --qf '%{NAME}\t%{VERSION}-%{RELEASE}\n'}: "package X is not installed" for the others. */
    static Map<String, String> rpm(String text, String source) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("package ") && line.endsWith(" is not installed")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 2) {
                throw new FormatException(source, "expected 'name<TAB>version-release', got '" + line + "'");
            }
            versions.put(f[0], f[1]);
        }
        return versions;
    }

    /**
     * {@code apt-cache policy PKG}: the version of its {@code Candidate:} line; null for
     * {@code (none)} (no package source has it) and for a package apt has never heard of (no output).
     */
    static String aptCandidate(String text, String source) {
        if (text.isBlank()) {
            return null;
        }
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Candidate:")) {
                String v = l.substring("Candidate:".length()).strip();
                return v.equals("(none)") || v.isEmpty() ? null : v;
            }
        }
        throw new FormatException(source, "no 'Candidate:' line in apt-cache's policy");
    }
}
