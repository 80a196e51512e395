package org.clusterdeck.transport;

/** Runners for tests that change how a node answers some commands and pass the rest on. */
public final class Runners {
    private Runners() {
    }

    /** How the node answers a command. */
    public interface Answer {
        CommandResult run(Command command) throws TransportException;
    }

    public static CommandRunner of(String node, Answer answer) {
        return new CommandRunner() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public CommandResult run(Command command) throws TransportException {
                return answer.run(command);
            }
        };
    }
}
