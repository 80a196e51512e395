package org.clusterdeck.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Logs in the way OpenSSH does: the agent's keys, then the key files (a passphrase is asked only
 * once the server accepts the public key), then a password if the server takes one. Secrets come
 * from an {@link SshPrompter} and are wiped after use. A key file, once decrypted, is kept in
 * memory, so one passphrase serves every node and every reconnect; share one authenticator
 * between the runners of a cluster.
 */
public final class SshAuthenticator {
    /** Like OpenSSH's NumberOfPasswordPrompts. */
    private static final int TRIES = 3;
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshPrompter prompter;
    private final Map<Path, KeyFile> keyFiles = new HashMap<>();

    public SshAuthenticator(SshPrompter prompter) {
        this.prompter = prompter;
    }

    SshPrompter prompter() {
        return prompter;
    }

    /**
     * Logs in as {@code target}'s user on a connected client, with the agent's keys, then the key
     * files {@code identityFiles} (none: OpenSSH's default files), then a password.
     *
     * @throws UserAuthException naming each way that was tried and why it failed
     * @throws IOException when the connection broke while logging in
     */
    void login(SSHClient ssh, SshTarget target, SshOptions options, List<Path> identityFiles) throws IOException {
        List<String> tried = new ArrayList<>();
        if ((options.agentSocket() != null && viaAgent(ssh, target, options, tried))
                || viaKeyFiles(ssh, target, identityFiles, tried)
                || viaPassword(ssh, target, tried)) {
            return;
        }
        throw new UserAuthException("login as " + target.user() + " refused; tried " + String.join(", ", tried));
    }

    private boolean viaAgent(SSHClient ssh, SshTarget target, SshOptions options, List<String> tried) throws IOException {
        SshAgent agent = new SshAgent(options.agentSocket(), options.connectTimeout());
        List<SshAgent.Identity> keys;
        try {
            keys = agent.identities();
        } catch (IOException e) {
            tried.add("ssh-agent (" + e.getMessage() + ")");
            return false;
        }
        if (keys.isEmpty()) {
            tried.add("ssh-agent at " + agent.socket() + " (it holds no keys; add one with ssh-add)");
            return false;
        }
        List<AuthMethod> methods = new ArrayList<>();
        keys.forEach(k -> methods.add(new AgentPublickey(agent, k)));
        if (attempt(ssh, target, methods)) {
            return true;
        }
        tried.add("ssh-agent at " + agent.socket() + " (" + keys.size() + (keys.size() == 1 ? " key" : " keys")
                + " refused)");
        return false;
    }

    private boolean viaKeyFiles(SSHClient ssh, SshTarget target, List<Path> identityFiles, List<String> tried)
            throws IOException {
        List<Path> files = identityFiles;
        if (files.isEmpty()) {
            Path dir = Path.of(System.getProperty("user.home"), ".ssh");
            files = DEFAULT_KEYS.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
            if (files.isEmpty()) {
                tried.add("no key files (none given with -i or IdentityFile, none in " + dir + ")");
            }
        }
        for (Path file : files) {
            KeyFile key = keyFile(ssh, file);
            synchronized (key) {
                if (key.provider == null) {
                    tried.add("key " + file + " (" + key.unreadable + ")");
                    continue;
                }
                key.startLogin();
                try {
                    if (attempt(ssh, target, List.of(new AuthPublickey(key.provider)))) {
                        return true;
                    }
                    tried.add("key " + file + " (" + key.whyRefused() + ")");
                } finally {
                    key.wipe();
                }
            }
        }
        return false;
    }

    /** The key file, read once; one that cannot be read is read again next time (it may have been fixed). */
    private synchronized KeyFile keyFile(SSHClient ssh, Path file) {
        KeyFile key = keyFiles.get(file);
        if (key == null) {
            key = new KeyFile(file);
            try {
                key.provider = ssh.loadKeys(file.toString(), key);
                keyFiles.put(file, key);
            } catch (IOException e) {
                key.unreadable = "cannot read it: " + e.getMessage();
            }
        }
        return key;
    }

    private boolean viaPassword(SSHClient ssh, SshTarget target, List<String> tried) throws IOException {
        Collection<String> allowed = ssh.getUserAuth().getAllowedMethods();
        if (!allowed.isEmpty() && !allowed.contains("password")) {
            tried.add("no password (the server allows only " + String.join(", ", allowed) + ")");
            return false;
        }
        Password password = new Password(target);
        if (password.unanswered) {
            tried.add("no password (nobody to ask: no terminal)");
            return false;
        }
        try {
            if (attempt(ssh, target, List.of(new AuthPassword(password)))) {
                return true;
            }
            tried.add("password (refused " + password.refused + (password.refused == 1 ? " time" : " times") + ")");
            return false;
        } finally {
            password.wipe();
        }
    }

    /** True when one of the methods logged in; a refusal is not an error here, only the end of one way. */
    private static boolean attempt(SSHClient ssh, SshTarget target, List<AuthMethod> methods) throws IOException {
        try {
            ssh.auth(target.user(), methods);
            return true;
        } catch (UserAuthException e) {
            return false;
        }
    }

    /** A key file and what happened to its passphrase during the current login. */
    private final class KeyFile implements PasswordFinder {
        final Path file;
        KeyProvider provider;
        String unreadable;
        private int asked;
        private int wrong;
        private boolean unanswered;
        private char[] last;

        KeyFile(Path file) {
            this.file = file;
        }

        void startLogin() {
            asked = 0;
            wrong = 0;
            unanswered = false;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            wipe();
            last = prompter.passphrase(file, ++asked);
            if (last == null) {
                unanswered = true;
                return new char[0];
            }
            return last;
        }

        /** sshj asks after each passphrase that did not decrypt the key. */
        @Override
        public boolean shouldRetry(Resource<?> resource) {
            wrong++;
            return !unanswered && asked < TRIES;
        }

        String whyRefused() {
            if (unanswered) {
                return "encrypted and nobody to ask its passphrase (no terminal): load it into ssh-agent with"
                        + " 'ssh-add " + file + "' and keep SSH_AUTH_SOCK set";
            }
            if (asked > 0 && wrong == asked) {
                return "wrong passphrase, " + asked + (asked == 1 ? " try" : " tries");
            }
            return "refused";
        }

        void wipe() {
            if (last != null) {
                Arrays.fill(last, '\0');
                last = null;
            }
        }
    }

    /** The login password, asked at most {@link #TRIES} times; the first answer is fetched before sshj asks. */
    private final class Password implements PasswordFinder {
        private final SshTarget target;
        int asked;
        int refused;
        private boolean unanswered;
        private char[] next;

        Password(SshTarget target) {
            this.target = target;
            next = prompter.password(target, ++asked);
            unanswered = next == null;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            if (next == null && !unanswered) {
                next = prompter.password(target, ++asked);
                unanswered = next == null;
            }
            // an empty password once nobody answers: refused, and shouldRetry ends the attempts
            return next == null ? new char[0] : next;
        }

        /** sshj asks after each refused password. */
        @Override
        public boolean shouldRetry(Resource<?> resource) {
            refused++;
            wipe();
            return !unanswered && asked < TRIES;
        }

        void wipe() {
            if (next != null) {
                Arrays.fill(next, '\0');
                next = null;
            }
        }
    }
}
