package org.clusterdeck.cli;

import java.io.Console;
import java.nio.file.Path;
import org.clusterdeck.transport.ssh.SshPrompter;
import org.clusterdeck.transport.ssh.SshTarget;

/**
 * Asks on the terminal without echo, as ssh does. Without a terminal (a pipe, cron) nobody is
 * asked and the login says which key or password it could not use and why.
 */
final class ConsolePrompter implements SshPrompter {
    private final Console console = System.console();

    @Override
    public char[] passphrase(Path keyFile, int attempt) {
        return ask("Enter passphrase for key '" + keyFile + "': ");
    }

    @Override
    public char[] password(SshTarget target, int attempt) {
        return ask(target.display() + "'s password: ");
    }

    /** Nodes connect in parallel; one question at a time on the one terminal. */
    private synchronized char[] ask(String prompt) {
        return console == null ? null : console.readPassword("%s", prompt);
    }
}
