package org.clusterdeck.cluster.setup.preflight;

import java.util.List;

/**
 * A network interface of a node as {@code ip -json addr show} reports it, with its IPv4
 * addresses: what the heartbeat link, the second link and the service's NIC are chosen from.
 *
 * @param up        the kernel says its link is up ({@code operstate UP}, or {@code UNKNOWN} for
 *                  interfaces that never report one)
 * @param addresses its IPv4 addresses, in the order the kernel lists them
 */
public record NetInterface(String name, boolean up, String mac, List<Address> addresses) {
    public NetInterface {
        addresses = List.copyOf(addresses);
    }

    /** An IPv4 address with the prefix length of its network. */
    public record Address(String address, int prefixLength) {
        @Override
        public String toString() {
            return address + "/" + prefixLength;
        }
    }
}
