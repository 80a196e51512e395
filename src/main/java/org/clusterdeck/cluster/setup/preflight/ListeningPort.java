package org.clusterdeck.cluster.setup.preflight;

/**
 * A socket that holds a port: a listening TCP socket or a bound UDP one.
 *
 * @param protocol {@code tcp} or {@code udp}
 * @param address  the local address, {@code *} or {@code 0.0.0.0}/{@code ::} for all
 */
public record ListeningPort(String protocol, String address, int port) {
    public String describe() {
        return port + "/" + protocol + " on " + address;
    }
}
