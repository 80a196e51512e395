package org.clusterdeck.cluster.command;

import org.clusterdeck.transport.Command;

/** Calls of {@code crm_mon}, one small function per use. */
public final class CrmMon {
    private CrmMon() {
    }

    /**
     * One snapshot of the whole cluster, inactive resources included, as {@code <pacemaker-result>}
     * XML (Pacemaker 2.0.3 and later). Fencing history at level 2 includes successful fencing,
     * which the default level leaves out and which the monitor reports.
     */
    public static Command status() {
        return Command.of("crm_mon", "-1", "--inactive", "--output-as=xml", "--fence-history=2");
    }

    /**
     * The same for Pacemaker before 2.0.3, as legacy {@code <crm_mon>} XML ({@code --as-xml} is
     * deprecated but still accepted by 2.x). {@code --inactive} is passed for symmetry with
     * {@link #status()}: 1.1 knows it too and it never hurts.
     */
    public static Command legacyStatus() {
        return Command.of("crm_mon", "-1", "--inactive", "--as-xml");
    }

    /**
     * crm_mon left running: it prints a dot for every change of the CIB or the fencing history and
     * the cluster's text status after it, within 2 s (sooner after a quiet spell). The monitor
     * takes that as its cue to read {@link #status()}; the text is not parsed, it is no contract.
     * Pacemaker 2.0.3 and later; with XML, crm_mon always stops after one snapshot.
     */
    public static Command changes() {
        return Command.of("crm_mon", "--output-as=text");
    }
}
