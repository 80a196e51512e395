package org.clusterdeck.cluster.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts share and where they differ, as a unified diff shows them: {@code "  "}
 * for a line in both, {@code "- "} for one only before, {@code "+ "} for one only after. Meant for
 * small texts (a resource's XML): the longest common subsequence, quadratic in lines.
 */
public final class LineDiff {
    private LineDiff() {
    }

    /** Two XML texts (one line or many), each indented the same way first, so only content differs. */
    public static List<String> ofXml(String before, String after) {
        return of(indented(before), indented(after));
    }

    /** New XML, every line added: what a plan shows of an element that was not there. */
    public static List<String> added(String xml) {
        return of("", indented(xml));
    }

    private static String indented(String xml) {
        return XmlWriter.indented(SafeXml.parse(xml, "XML to compare").getDocumentElement());
    }

    /** Only the lines within {@code context} lines of a change; {@code "  …"} where lines were left out. */
    public static List<String> around(List<String> diff, int context) {
        List<String> out = new ArrayList<>();
        boolean skipped = false;
        for (int i = 0; i < diff.size(); i++) {
            boolean near = false;
            for (int j = Math.max(0, i - context); j <= Math.min(diff.size() - 1, i + context) && !near; j++) {
                near = !diff.get(j).startsWith("  ");
            }
            if (near) {
                if (skipped) {
                    out.add("  …");
                    skipped = false;
                }
                out.add(diff.get(i));
            } else {
                skipped = true;
            }
        }
        if (skipped) {
            out.add("  …");
        }
        return out;
    }

    public static List<String> of(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        // common[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        return out;
    }
}
