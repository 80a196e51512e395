package org.clusterdeck.ui;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.clusterdeck.transport.ssh.SshPrompter;
import org.clusterdeck.transport.ssh.SshTarget;
import org.clusterdeck.transport.ssh.UnknownHostKey;

/**
 * Asks SSH's questions (host keys, passphrases, passwords) through the dialog service. Called on
 * connecting threads: each question is put to the UI thread and the caller waits for the answer,
 * one question at a time, as nodes connect in parallel. Secrets are not kept: the authenticator
 * wipes them after use.
 */
public final class DialogPrompter implements SshPrompter {
    private final DialogService dialogs;
    private final Executor ui;

    public DialogPrompter(DialogService dialogs, Executor ui) {
        this.dialogs = dialogs;
        this.ui = ui;
    }

    @Override
    public char[] passphrase(Path keyFile, int attempt) {
        return ask(() -> dialogs.askSecret("Key passphrase", (attempt > 1 ? "Wrong passphrase. " : "")
                + "Passphrase for the key " + keyFile + ":"));
    }

    @Override
    public char[] password(SshTarget target, int attempt) {
        return ask(() -> dialogs.askSecret("Password", (attempt > 1 ? "Login refused. " : "")
                + "Password of " + target.display() + ":"));
    }

    @Override
    public boolean trustHostKey(UnknownHostKey key) {
        return Boolean.TRUE.equals(ask(() -> dialogs.trustHostKey(key)));
    }

    private synchronized <T> T ask(Supplier<T> question) {
        FutureTask<T> answer = new FutureTask<>(question::get);
        ui.execute(answer);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            // the dialog itself failed: nobody answered, so the login goes on without it
            return null;
        }
    }
}
