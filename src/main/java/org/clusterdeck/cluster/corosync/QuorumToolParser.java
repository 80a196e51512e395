package org.clusterdeck.cluster.corosync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdeck.cluster.FormatException;

/**
 * Reads {@code corosync-quorumtool -s}: "Key: value" lines in sections, then the membership table
 * ({@code Nodeid Votes [Qdevice] Name}, the local node marked {@code (local)}). Node ids are
 * decimal, or hex with {@code -H}. Sections and keys this parser does not know are ignored.
 */
public final class QuorumToolParser {
    private QuorumToolParser() {
    }

    public static CorosyncQuorum parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new FormatException(source, "empty output (expected corosync-quorumtool's status)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<CorosyncMember> members = new ArrayList<>();
        boolean inTable = false;
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.chars().allMatch(c -> c == '-')) {
                continue;
            }
            if (line.startsWith("Nodeid") && line.contains("Votes")) {
                inTable = true;
                continue;
            }
            if (inTable) {
                members.add(member(line, source, lineNo));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String quorate = values.get("Quorate");
        if (quorate == null) {
            throw new FormatException(source, "no 'Quorate:' line (not corosync-quorumtool -s output?)");
        }
        if (!quorate.equals("Yes") && !quorate.equals("No")) {
            throw new FormatException(source, "'Quorate: " + quorate + "' is neither Yes nor No");
        }
        String flags = values.getOrDefault("Flags", "");
        return new CorosyncQuorum(quorate.equals("Yes"), values.get("Quorum provider"),
                number(values.get("Node ID"), source, "Node ID"), values.get("Ring ID"),
                integer(values.get("Expected votes"), source, "Expected votes"),
                integer(values.get("Total votes"), source, "Total votes"),
                integer(firstWord(values.get("Quorum")), source, "Quorum"),
                flags.isBlank() ? Set.of() : Set.of(flags.split("\\s+")), members);
    }

    private static CorosyncMember member(String line, String source, int lineNo) {
        String[] t = line.split("\\s+");
        if (t.length < 3) {
            throw new FormatException(source, "line " + lineNo + ": membership row '" + line
                    + "' needs node id, votes and name");
        }
        boolean local = t[t.length - 1].equals("(local)");
        int nameAt = local ? t.length - 2 : t.length - 1;
        return new CorosyncMember(number(t[0], source, "line " + lineNo + " node id"),
                integer(t[1], source, "line " + lineNo + " votes"), t[nameAt], local);
    }

    /** Votequorum adds "Activity blocked" after the number while the partition has no quorum. */
    private static String firstWord(String value) {
        return value == null || value.isEmpty() ? value : value.split("\\s+")[0];
    }

    private static Long number(String value, String source, String what) {
        if (value == null) {
            return null;
        }
        try {
            return value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FormatException(source, what + " '" + value + "' is not a number");
        }
    }

    private static Integer integer(String value, String source, String what) {
        Long n = number(value, source, what);
        return n == null ? null : Math.toIntExact(n);
    }
}
