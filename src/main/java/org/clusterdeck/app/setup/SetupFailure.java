package org.clusterdeck.app.setup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a setup stopped: the command that failed, where, and what the step's undo would run. The
 * undo is only offered: whether half a step is better undone or finished by hand is the admin's call.
 *
 * @param step     the step's name
 * @param node     where the command ran
 * @param command  as the admin would type it
 * @param exitCode its exit code; null when it could not run or did not end (see {@code output})
 * @param output   what it printed (stdout, then stderr), or why it could not run
 * @param undo     per node, the step's undo commands as the admin would type them
 */
public record SetupFailure(String step, String node, String command, Integer exitCode, String output,
        Map<String, List<String>> undo) {
    public SetupFailure {
        undo = Collections.unmodifiableMap(new LinkedHashMap<>(undo));
    }
}
