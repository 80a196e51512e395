package org.clusterdeck.transport.ssh;

import java.nio.file.Path;

/**
 * Asks the person at the console for secrets while logging in, and whether to trust a host key
 * seen for the first time. Answers live in memory only: the caller wipes the returned array as
 * soon as it was used. {@code null} means nobody can be asked (no terminal, a batch run); the
 * login then goes on without that secret and says so.
 * Called from connecting threads, possibly several at once: implementations serialise their dialogs.
 */
public interface SshPrompter {
    /** The passphrase of an encrypted private key file; {@code attempt} counts from 1. */
    char[] passphrase(Path keyFile, int attempt);

    /** The login password of {@code target}; {@code attempt} counts from 1. */
    char[] password(SshTarget target, int attempt);

    /**
     * Whether to trust and record a host key known_hosts does not have. Asked during the key
     * exchange, which sshj gives up on after 30 s; a key trusted later is still recorded and the
     * next attempt connects. A changed key never comes here: it is always refused. Default: no,
     * as without a person to compare the fingerprint.
     */
    default boolean trustHostKey(UnknownHostKey key) {
        return false;
    }

    /** Nobody to ask: encrypted keys and passwords are skipped with a reason. */
    SshPrompter NONE = new SshPrompter() {
        @Override
        public char[] passphrase(Path keyFile, int attempt) {
            return null;
        }

        @Override
        public char[] password(SshTarget target, int attempt) {
            return null;
        }
    };
}
