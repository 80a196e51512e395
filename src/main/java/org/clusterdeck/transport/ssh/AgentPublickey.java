package org.clusterdeck.transport.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import java.io.IOException;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * "publickey" authentication (RFC 4252, 7) with one key held by ssh-agent: the request is signed
 * by the agent, the way sshj's KeyedAuthMethod signs with a key in memory. It is sent signed right
 * away rather than first asking whether the key would do; the answer is the same.
 */
final class AgentPublickey extends AbstractAuthMethod {
    private final SshAgent agent;
    private final SshAgent.Identity key;

    AgentPublickey(SshAgent agent, SshAgent.Identity key) {
        super("publickey");
        this.agent = agent;
        this.key = key;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        String algorithm = algorithm();
        SSHPacket request = super.buildReq().putBoolean(true).putString(algorithm).putString(key.blob);
        byte[] signed = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(request)
                .getCompactData();
        try {
            return request.putString(agent.sign(key, signed, flags(algorithm)));
        } catch (IOException e) {
            throw new UserAuthException("agent could not sign with " + key.type + " key " + key.comment + ": "
                    + e.getMessage(), e);
        }
    }

    /** RSA keys sign with the SHA-2 algorithm the server prefers (OpenSSH ≥ 8.8 refuses ssh-rsa). */
    private String algorithm() throws UserAuthException {
        if (KeyType.fromString(key.type) != KeyType.RSA) {
            return key.type;
        }
        try {
            List<KeyAlgorithm> algorithms = params.getTransport().getClientKeyAlgorithms(KeyType.RSA);
            return algorithms.isEmpty() ? key.type : algorithms.get(0).getKeyAlgorithm();
        } catch (IOException e) {
            throw new UserAuthException("no signature algorithm for RSA key " + key.comment, e);
        }
    }

    private static int flags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-512" -> SshAgent.RSA_SHA2_512;
            case "rsa-sha2-256" -> SshAgent.RSA_SHA2_256;
            default -> 0;
        };
    }
}
