package org.clusterdeck.transport.ssh;

import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import net.schmizz.sshj.DefaultConfig;

/**
 * sshj's defaults with the ciphers OpenSSH's client offers by default that the JDK has: AES in CTR and
 * GCM mode, which every OpenSSH since 5.2 (2009) accepts. sshj's own list also offers CBC modes, 3DES,
 * Blowfish, CAST, IDEA, Serpent, Twofish and RC4, and at every connection tries each one to drop those
 * the JDK lacks: about 50 ms of a one-shot command, for ciphers no node should be offered.
 */
final class NodeSshConfig extends DefaultConfig {
    @Override
    protected void initCipherFactories() {
        setCipherFactories(BlockCiphers.AES128CTR(), BlockCiphers.AES192CTR(), BlockCiphers.AES256CTR(),
                GcmCiphers.AES128GCM(), GcmCiphers.AES256GCM());
    }
}
