package org.clusterdeck.cluster.command;

import java.time.Duration;
import java.util.List;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.ShellScript;

/**
 * The cluster options Pacemaker's daemons describe in OCF metadata form: {@code pacemaker-schedulerd
 * metadata} (fencing, quorum, placement), {@code pacemaker-controld metadata} (timers, the DC) and
 * {@code pacemaker-based metadata} (ACLs). The daemons live outside PATH, in a directory that
 * differs between distributions.
 */
public final class ClusterOptions {
    /** The daemons whose metadata together lists every cluster option. */
    public static final List<String> DAEMONS = List.of("pacemaker-schedulerd", "pacemaker-controld", "pacemaker-based");

    /** The fencer, whose metadata lists the attributes every fencing device takes (pcmk_host_list ...). */
    public static final String FENCER = "pacemaker-fenced";

    // fixed text; the daemon name arrives as $1 and is one of DAEMONS or FENCER
    private static final ShellScript SCRIPT = ShellScript.fixed(
            "for d in /usr/libexec/pacemaker /usr/lib/pacemaker /usr/lib64/pacemaker; do"
            + " if [ -x \"$d/$1\" ]; then exec \"$d/$1\" metadata; fi; done; echo \"$1 not found\" >&2; exit 127");

    private ClusterOptions() {
    }

    public static Command metadata(String daemon) {
        if (!DAEMONS.contains(daemon)) {
            throw new IllegalArgumentException("not a daemon with cluster options: " + daemon);
        }
        return SCRIPT.run(List.of(daemon)).withTimeout(Duration.ofSeconds(10));
    }

    /** The fencer's metadata: the device attributes Pacemaker adds to every fence agent's own. */
    public static Command fencingDeviceMetadata() {
        return SCRIPT.run(List.of(FENCER)).withTimeout(Duration.ofSeconds(10));
    }
}
