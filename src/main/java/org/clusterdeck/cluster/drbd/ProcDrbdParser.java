package org.clusterdeck.cluster.drbd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdeck.cluster.FormatException;

/**
 * {@code /proc/drbd} as printed by DRBD 8.4's drbd_proc.c: a version line, then per minor
 * {@code N: cs:... ro:own/peer ds:own/peer P flags}, a counter line ending in {@code oos:} (KiB out
 * of sync), and while syncing or verifying a progress line ({@code sync'ed:} or {@code verified:},
 * K or M units) and {@code finish: h:mm:ss speed: recent (average) [want: rate] K/sec [(stalled)]}
 * with thousands separators. The recent speed and the finish time are both DRBD's blocks done since
 * a sync mark (the second oldest of eight taken every 3 s or more: 18 s or more ago, or the sync's
 * start) over whole seconds; with nothing done in that window the speed is 0 and the finish is no
 * estimate (see {@link DrbdPeerDevice#timeLeft}). DRBD 9 prints only the version lines: an empty
 * resource list.
 * Each minor becomes a resource without a name, with one device (no volume number) and one
 * connection without a peer name; {@code cs:Unconfigured} minors are left out, as DRBD's other
 * formats leave out resources that are not up.
 */
public final class ProcDrbdParser {
    private static final Pattern VERSION = Pattern.compile("version: (\\S+) \\(api:[^)]*\\)\\s*");
    private static final Pattern MINOR_START = Pattern.compile("\\s*\\d+:\\s*cs:.*");
    private static final Pattern MINOR = Pattern.compile(
            "\\s*(\\d+):\\s*cs:(\\S+)(?:\\s+ro:([^/\\s]+)/(\\S+)\\s+ds:([^/\\s]+)/(\\S+)\\s+(?:[A-Z]\\s+)?(\\S{4,}))?\\s*");
    private static final Pattern OUT_OF_SYNC = Pattern.compile("\\boos:(\\d+)\\b");
    private static final Pattern PROGRESS = Pattern.compile(
            "\\s*\\[[=>.]*\\]\\s*(?:sync'ed|verified):\\s*(\\d+(?:\\.\\d+)?)%\\s*\\(\\d+/\\d+\\)[KM]\\s*(.*)");
    private static final Pattern FINISH = Pattern.compile(
            "\\s*finish:\\s*(\\d+):(\\d{1,2}):(\\d{1,2})\\s+speed:\\s*([\\d,]+)\\s*\\([^)]*\\)"
                    + "(?:\\s*want:\\s*[\\d,]+)?\\s*K/sec\\s*(\\(stalled\\))?\\s*");

    public DrbdStatus parse(String text, String source) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || text.isBlank()) {
            throw new FormatException(source, "empty output, expected /proc/drbd");
        }
        Matcher version = VERSION.matcher(lines.get(0));
        if (!version.matches()) {
            throw new SourceLine(source, 1, lines.get(0)).error("expected the /proc/drbd version line 'version: X (api:...)'");
        }
        List<DrbdResource> resources = new ArrayList<>();
        Minor minor = null;
        for (int i = 1; i < lines.size(); i++) {
            SourceLine at = new SourceLine(source, i + 1, lines.get(i));
            String line = lines.get(i);
            if (MINOR_START.matcher(line).matches()) {
                addTo(resources, minor);
                minor = Minor.of(at);
            } else if (minor != null) {
                minor.read(line, at);
            }
            // other lines (srcversion, GIT-hash, Transports, proc_details statistics) are not state
        }
        addTo(resources, minor);
        return new DrbdStatus(resources, DrbdSourceFormat.PROC_DRBD, version.group(1));
    }

    private static void addTo(List<DrbdResource> resources, Minor minor) {
        if (minor != null && minor.configured()) {
            resources.add(minor.toModel());
        }
    }

    /** One minor's lines, collected until the next minor starts. */
    private static final class Minor {
        final int number;
        final Matcher state;
        Long outOfSyncKiB;
        Double donePercent;
        Long speedKiBps;
        Long etaSeconds;
        boolean stalled;

        private Minor(int number, Matcher state) {
            this.number = number;
            this.state = state;
        }

        static Minor of(SourceLine at) {
            Matcher m = MINOR.matcher(at.text());
            if (!m.matches()) {
                throw at.error("unreadable minor line, expected 'N: cs:STATE ro:OWN/PEER ds:OWN/PEER PROTOCOL FLAGS'");
            }
            if (m.group(3) == null && !m.group(2).equals("Unconfigured")) {
                throw at.error("minor line without ro: and ds:");
            }
            try {
                return new Minor(Integer.parseInt(m.group(1)), m);
            } catch (NumberFormatException e) {
                throw at.error("minor number out of range");
            }
        }

        boolean configured() {
            return state.group(3) != null;
        }

        void read(String line, SourceLine lineAt) {
            Matcher oos = OUT_OF_SYNC.matcher(line);
            if (line.strip().startsWith("ns:")) {
                if (!oos.find()) {
                    throw lineAt.error("counter line without oos:");
                }
                outOfSyncKiB = number(oos.group(1), lineAt);
                return;
            }
            Matcher progress = PROGRESS.matcher(line);
            if (progress.matches()) {
                donePercent = Double.valueOf(progress.group(1));
                // with M units some kernels print the finish line on the same line
                if (!progress.group(2).isEmpty()) {
                    finish(progress.group(2), lineAt);
                }
                return;
            }
            if (line.strip().startsWith("finish:")) {
                finish(line, lineAt);
            }
        }

        private void finish(String text, SourceLine lineAt) {
            Matcher f = FINISH.matcher(text);
            if (!f.matches()) {
                throw lineAt.error("unreadable finish/speed line");
            }
            etaSeconds = number(f.group(1), lineAt) * 3600 + number(f.group(2), lineAt) * 60 + number(f.group(3), lineAt);
            speedKiBps = number(f.group(4).replace(",", ""), lineAt);
            stalled = f.group(5) != null;
        }

        private static long number(String digits, SourceLine lineAt) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw lineAt.error("number out of range: " + digits);
            }
        }

        DrbdResource toModel() {
            LegacyConnectionState cs = LegacyConnectionState.of(state.group(2));
            DrbdPeerDevice peerDevice = new DrbdPeerDevice(null, cs.replicationState(), state.group(6),
                    outOfSyncKiB, donePercent, speedKiBps, etaSeconds, resyncSuspended(state.group(7)), stalled);
            DrbdConnection connection = new DrbdConnection(null, cs.connectionState(), state.group(4),
                    List.of(peerDevice), false);
            return new DrbdResource(null, state.group(3), List.of(new DrbdDevice(null, number, state.group(5))),
                    List.of(connection));
        }

        /**
         * The flags after the protocol: I/O suspended, then resync paused for a dependency
         * (a), by the peer (p), by the user (u); named as drbd-utils names them.
         */
        private static String resyncSuspended(String flags) {
            List<String> reasons = new ArrayList<>();
            if (flags.length() > 3 && flags.charAt(3) == 'u') {
                reasons.add("user");
            }
            if (flags.length() > 2 && flags.charAt(2) == 'p') {
                reasons.add("peer");
            }
            if (flags.length() > 1 && flags.charAt(1) == 'a') {
                reasons.add("dependency");
            }
            return reasons.isEmpty() ? "no" : String.join(",", reasons);
        }
    }
}
