package org.clusterdeck.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdeck.app.setup.SetupEvent;
import org.clusterdeck.app.setup.SetupFailure;

/** A setup's progress as it happens: one text block or one JSON line per event. */
final class SetupProgressText {
    private SetupProgressText() {
    }

    /** What {@code setup --json} prints per event: its kind, then its fields. */
    record Line(String event, @JsonUnwrapped SetupEvent detail) {
    }

    static String json(SetupEvent e) {
        return Json.line(new Line(e.kind(), e)) + "\n";
    }

    static String text(SetupEvent e) {
        if (e instanceof SetupEvent.StepStarted s) {
            return "== " + s.step() + "\n";
        } else if (e instanceof SetupEvent.StepSkipped) {
            return "   already done: skipped\n";
        } else if (e instanceof SetupEvent.CommandRan c) {
            return String.format(Locale.ROOT, "   %s %-6s exit %d  %5d ms  %s%n", c.node(),
                    c.phase().name().toLowerCase(Locale.ROOT), c.exitCode(), c.millis(), c.command());
        } else if (e instanceof SetupEvent.SyncProgress p) {
            return String.format(Locale.ROOT, "   %s %s of %s: %s%s%s%n", p.node(), p.replication(), p.resource(),
                    p.donePercent() == null ? "started" : String.format(Locale.ROOT, "%.1f %%", p.donePercent()),
                    p.speedKiBps() == null ? "" : String.format(Locale.ROOT, ", %.1f MiB/s", p.speedKiBps() / 1024.0),
                    p.etaSeconds() == null ? "" : ", " + p.etaSeconds() + " s left");
        } else if (e instanceof SetupEvent.Verified v) {
            return verified(v);
        } else if (e instanceof SetupEvent.StepDone) {
            return "   done\n";
        } else if (e instanceof SetupEvent.Declined d) {
            return "\nDeclined: " + d.confirmation() + ".\nNothing of step " + d.step()
                    + " ran; the steps before it are done. Running setup again continues here.\n";
        } else if (e instanceof SetupEvent.Stopped s) {
            return "\nStopped at step " + s.step() + ": the steps before it are done. Running setup again continues"
                    + " here.\n";
        } else if (e instanceof SetupEvent.Failed f) {
            return failure(f.failure());
        } else if (e instanceof SetupEvent.Finished f) {
            return "\nSetup finished: " + f.done() + " step(s) done now, " + f.skipped() + " done before.\n";
        }
        throw new IllegalArgumentException("unknown event " + e);
    }

    private static String verified(SetupEvent.Verified v) {
        StringBuilder sb = new StringBuilder("   verified: the service failed over from ").append(v.activeBefore())
                .append(" to ").append(v.activeAfter()).append('\n');
        if (v.firstLease() == null) {
            sb.append("   no lease asked for: the spec names no verification.dhcpProbe\n");
        } else {
            sb.append("   lease before: ").append(v.firstLease().address()).append(" from ").append(v.firstLease().server())
                    .append("; after: ").append(v.secondLease().address()).append(" from ").append(v.secondLease().server())
                    .append(String.format(Locale.ROOT, "; client-visible downtime %.1f s%n", v.downtimeMillis() / 1000.0))
                    .append("   the first lease is in ").append(v.activeAfter()).append("'s leases file\n");
        }
        return sb.toString();
    }

    private static String failure(SetupFailure f) {
        StringBuilder sb = new StringBuilder("\nFAILED: step ").append(f.step()).append(" on ").append(f.node())
                .append(f.exitCode() == null ? ", did not run to its end" : ", exit " + f.exitCode()).append(":\n    ")
                .append(f.command()).append('\n');
        f.output().lines().forEach(l -> sb.append("    | ").append(l).append('\n'));
        sb.append("The steps before it are done; this one may be half done. Running setup again continues here.\n");
        if (!f.undo().isEmpty()) {
            sb.append("To put the step back instead (not run):\n");
            for (Map.Entry<String, List<String>> node : f.undo().entrySet()) {
                node.getValue().forEach(c -> sb.append("    ").append(node.getKey()).append(": ").append(c).append('\n'));
            }
        }
        return sb.toString();
    }
}
