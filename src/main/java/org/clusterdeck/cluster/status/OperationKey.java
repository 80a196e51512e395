package org.clusterdeck.cluster.status;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation key {@code RESOURCE_TASK_INTERVAL} taken apart. Resource ids and some tasks
 * ({@code migrate_to}, {@code pre_notify_start}) contain underscores themselves, so the key is
 * split the way Pacemaker's own {@code parse_op_key} does: interval after the last underscore,
 * then the known multi-word tasks, then the last remaining underscore.
 */
record OperationKey(String resource, String task, long intervalMs) {
    private static final Pattern MULTI_WORD_TASK = Pattern.compile(
            "(.+)_(migrate_(?:from|to)|(?:confirmed-)?(?:pre|post)_notify_(?:[a-z]+|migrate_(?:from|to)))_(\\d+)");
    private static final Pattern ONE_WORD_TASK = Pattern.compile("(.+)_([^_]+)_(\\d+)");

    /**
     * Splits the key. When the task is known (crm_mon prints it beside the key in newer output),
     * it is matched literally, which is exact whatever underscores the resource id has.
     */
    static Optional<OperationKey> parse(String key, String knownTask) {
        if (key == null) {
            return Optional.empty();
        }
        if (knownTask != null && !knownTask.isEmpty()) {
            Matcher m = Pattern.compile("(.+)_" + Pattern.quote(knownTask) + "_(\\d+)").matcher(key);
            if (m.matches()) {
                return interval(m.group(2)).map(ms -> new OperationKey(m.group(1), knownTask, ms));
            }
        }
        for (Pattern p : new Pattern[] {MULTI_WORD_TASK, ONE_WORD_TASK}) {
            Matcher m = p.matcher(key);
            if (m.matches()) {
                return interval(m.group(3)).map(ms -> new OperationKey(m.group(1), m.group(2), ms));
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> interval(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
