package org.clusterdeck.app.audit;

/**
 * One line of the audit log: a record that serializes to one JSON object. Commands are
 * {@link AuditRecord}s; use cases add their own entries (an action's plan, confirmation and
 * outcome), so the log tells the whole story in one place.
 */
public interface AuditEntry {
    /** When it happened, UTC, as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; the first field of every line. */
    String time();
}
