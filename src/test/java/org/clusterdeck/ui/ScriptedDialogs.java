package org.clusterdeck.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.clusterdeck.app.clusters.ClusterProfile;
import org.clusterdeck.transport.ssh.UnknownHostKey;

/**
 * Dialog answers given in advance, for view-model tests and for the file choosers in window tests
 * (native file dialogs cannot be driven headless). Errors, confirmations, host keys and secret
 * prompts shown are recorded.
 */
public class ScriptedDialogs implements DialogService {
    public final Deque<Optional<ClusterProfile>> profiles = new ArrayDeque<>();
    public final Deque<Path> cibFiles = new ArrayDeque<>();
    public final Deque<Path> exportFiles = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public boolean confirmAnswer = true;
    public final List<UnknownHostKey> hostKeys = new ArrayList<>();
    public boolean trustAnswer;
    public final List<String> secretPrompts = new ArrayList<>();
    public final Deque<String> secrets = new ArrayDeque<>();

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<ClusterProfile> editProfile(ClusterProfile initial, Collection<String> takenNames) {
        return profiles.isEmpty() ? Optional.empty() : profiles.poll();
    }

    @Override
    public synchronized boolean trustHostKey(UnknownHostKey key) {
        hostKeys.add(key);
        return trustAnswer;
    }

    @Override
    public synchronized char[] askSecret(String title, String prompt) {
        secretPrompts.add(prompt);
        String s = secrets.poll();
        return s == null ? null : s.toCharArray();
    }

    @Override
    public Optional<Path> chooseCibFile() {
        return Optional.ofNullable(cibFiles.poll());
    }

    @Override
    public Optional<Path> chooseExportFile(String suggestedName, String extension) {
        return Optional.ofNullable(exportFiles.poll());
    }
}
