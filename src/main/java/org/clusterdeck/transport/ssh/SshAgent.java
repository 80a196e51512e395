package org.clusterdeck.transport.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.common.Buffer;

/**
 * A client of ssh-agent over its Unix socket (draft-miller-ssh-agent): lists the agent's keys and
 * has it sign. The private keys never leave the agent. One short connection per request, each
 * bounded by a timeout, so an agent that hangs cannot hang a login.
 */
final class SshAgent {
    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** SIGN_REQUEST flags that pick the hash of an RSA signature (ssh-rsa would be SHA-1). */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;
    /** OpenSSH's agent refuses larger messages too. */
    private static final int MAX_MESSAGE = 256 * 1024;

    /** A key the agent holds: its public key blob (as in authorized_keys, decoded) and comment. */
    static final class Identity {
        final byte[] blob;
        final String type;
        final String comment;

        Identity(byte[] blob, String type, String comment) {
            this.blob = blob;
            this.type = type;
            this.comment = comment;
        }
    }

    private final Path socket;
    private final Duration timeout;

    SshAgent(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    Path socket() {
        return socket;
    }

    List<Identity> identities() throws IOException {
        Buffer.PlainBuffer answer = call(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES), IDENTITIES_ANSWER);
        int count = answer.readUInt32AsInt();
        List<Identity> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = answer.readStringAsBytes();
            String comment = answer.readString();
            keys.add(new Identity(blob, new Buffer.PlainBuffer(blob).readString(), comment));
        }
        return keys;
    }

    /** The agent's signature of {@code data}: the SSH signature blob (algorithm name and signature). */
    byte[] sign(Identity key, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer request = new Buffer.PlainBuffer().putByte(SIGN_REQUEST).putString(key.blob).putString(data)
                .putUInt32FromInt(flags);
        return call(request, SIGN_RESPONSE).readStringAsBytes();
    }

    private Buffer.PlainBuffer call(Buffer.PlainBuffer request, byte expected) throws IOException {
        byte[] body = request.getCompactData();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A blocking read has no timeout of its own; closing the channel ends it.
            CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> closeQuietly(channel),
                    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
            try {
                try {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    throw new IOException("no agent listens at " + socket + " (" + e.getMessage() + ")", e);
                }
                ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                int length = readFully(channel, ByteBuffer.allocate(4)).getInt();
                if (length < 1 || length > MAX_MESSAGE) {
                    throw new IOException("agent at " + socket + " sent a message of " + length + " bytes");
                }
                Buffer.PlainBuffer answer = new Buffer.PlainBuffer(readFully(channel, ByteBuffer.allocate(length)).array());
                byte type = answer.readByte();
                if (type == FAILURE) {
                    throw new IOException("agent at " + socket + " refused the request");
                }
                if (type != expected) {
                    throw new IOException("agent at " + socket + " answered message " + type + ", expected " + expected);
                }
                return answer;
            } catch (AsynchronousCloseException e) {
                throw new IOException("agent at " + socket + " did not answer within " + timeout.toSeconds() + " s", e);
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private ByteBuffer readFully(SocketChannel channel, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new IOException("agent at " + socket + " closed the connection mid-answer");
            }
        }
        return buf.flip();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all the watchdog wants; it is closed or about to be
        }
    }
}
