package org.clusterdeck.app.setup;

import java.time.Instant;
import org.clusterdeck.app.audit.AuditLog;
import org.clusterdeck.app.audit.AuditRecord;
import org.clusterdeck.cluster.setup.Destruction;

/** Asks another confirmation and records the answer, yes or no, in the audit log. */
public final class AuditedConfirmation implements Confirmation {
    private final Confirmation asked;
    private final String by;
    private final AuditLog log;

    /** @param by how the answer is given, e.g. {@code terminal} or {@code --yes} */
    public AuditedConfirmation(Confirmation asked, String by, AuditLog log) {
        this.asked = asked;
        this.by = by;
        this.log = log;
    }

    @Override
    public boolean confirm(String step, Destruction d) {
        boolean yes = asked.confirm(step, d);
        log.append(new SetupAuditRecord(AuditRecord.formatTime(Instant.now()), step, d.node(), d.disk(), d.confirmation(),
                yes ? "accepted" : "declined", by));
        return yes;
    }
}
