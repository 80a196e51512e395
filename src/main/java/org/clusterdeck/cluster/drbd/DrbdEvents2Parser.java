package org.clusterdeck.cluster.drbd;

import org.clusterdeck.cluster.FormatException;

/**
 * {@code drbdsetup events2 --now [--statistics] [--full] [--timestamps]} output, or a recorded
 * events2 stream: the fold of all its lines through {@link DrbdEventState}. The initial dump must
 * be complete (its {@code exists -} line present); otherwise the output was cut short.
 */
public final class DrbdEvents2Parser {

    public DrbdStatus parse(String text, String source) {
        if (text.isBlank()) {
            throw new FormatException(source, "empty output, expected drbdsetup events2 lines");
        }
        DrbdEventState state = new DrbdEventState(source);
        text.lines().forEach(state::apply);
        if (!state.initialStateComplete()) {
            throw new FormatException(source, "no 'exists -' line: the events2 dump is incomplete"
                    + " (output cut short, or not started with --now)");
        }
        return state.snapshot();
    }
}
