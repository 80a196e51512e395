package org.clusterdeck.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent client against OpenSSH's own ssh-agent; signatures checked with the JDK's verifier. */
class SshAgentTest {
    @TempDir
    Path dir;

    @Test
    void listsTheKeysSshAddLoadedWithTheirBlobsAndComments() throws Exception {
        Path ed = AgentProcess.keygen(dir, "ed25519", "");
        Path rsa = AgentProcess.keygen(dir, "rsa", "");
        try (AgentProcess agent = new AgentProcess(dir)) {
            agent.add(ed);
            agent.add(rsa);
            List<SshAgent.Identity> keys = new SshAgent(agent.socket(), Duration.ofSeconds(5)).identities();
            assertEquals(2, keys.size());
            for (int i = 0; i < 2; i++) {
                // the .pub file ssh-keygen wrote: "type base64-blob comment"
                String[] pub = Files.readString(Path.of((i == 0 ? ed : rsa) + ".pub")).trim().split(" ", 3);
                assertEquals(pub[0], keys.get(i).type);
                assertArrayEquals(Base64.getDecoder().decode(pub[1]), keys.get(i).blob);
                assertEquals(pub[2], keys.get(i).comment);
            }
        }
    }

    @Test
    void rsaSignaturesUseTheSha2HashTheFlagsAskFor() throws Exception {
        Path rsa = AgentProcess.keygen(dir, "rsa", "");
        byte[] data = "session id and userauth request".getBytes(StandardCharsets.UTF_8);
        try (AgentProcess agent = new AgentProcess(dir)) {
            agent.add(rsa);
            SshAgent client = new SshAgent(agent.socket(), Duration.ofSeconds(5));
            SshAgent.Identity key = client.identities().get(0);
            PublicKey publicKey = new Buffer.PlainBuffer(key.blob).readPublicKey();
            for (var c : List.of(new Object[] {SshAgent.RSA_SHA2_512, "rsa-sha2-512", "SHA512withRSA"},
                    new Object[] {SshAgent.RSA_SHA2_256, "rsa-sha2-256", "SHA256withRSA"})) {
                Buffer.PlainBuffer sig = new Buffer.PlainBuffer(client.sign(key, data, (Integer) c[0]));
                assertEquals(c[1], sig.readString());
                Signature jdk = Signature.getInstance((String) c[2]);
                jdk.initVerify(publicKey);
                jdk.update(data);
                assertTrue(jdk.verify(sig.readStringAsBytes()), c[1] + " signature verifies");
            }
        }
    }

    @Test
    void anAgentWithoutKeysListsNoneAndRefusesToSign() throws Exception {
        try (AgentProcess agent = new AgentProcess(dir)) {
            SshAgent client = new SshAgent(agent.socket(), Duration.ofSeconds(5));
            assertEquals(List.of(), client.identities());
            byte[] blob = Base64.getDecoder().decode(Files.readString(Path.of(AgentProcess.keygen(dir, "ed25519", "")
                    + ".pub")).split(" ")[1]);
            IOException e = assertThrows(IOException.class,
                    () -> client.sign(new SshAgent.Identity(blob, "ssh-ed25519", "x"), new byte[] {1}, 0));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
    }

    @Test
    void aSocketWithoutAgentIsAnErrorNamingIt() {
        Path none = dir.resolve("no-agent.sock");
        IOException e = assertThrows(IOException.class, () -> new SshAgent(none, Duration.ofSeconds(1)).identities());
        assertTrue(e.getMessage().startsWith("no agent listens at " + none), e.getMessage());
    }
}
