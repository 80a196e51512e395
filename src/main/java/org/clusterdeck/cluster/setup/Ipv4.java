package org.clusterdeck.cluster.setup;

import java.util.regex.Pattern;

/**
 * An IPv4 address, read strictly: four decimal numbers 0-255, no leading zeros (which some tools
 * read as octal), nothing around them. The spec's addresses end up in corosync.conf, DRBD's
 * {@code address ipv4}, dhcpd.conf and IPaddr2; all four agree on this form.
 */
record Ipv4(long value) {
    private static final Pattern DOTTED = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");

    /** @throws IllegalArgumentException with the reason, for the reader to put beside the field */
    static Ipv4 parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            throw new IllegalArgumentException("expected an IPv4 address such as 10.10.101.1");
        }
        long value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("each of an IPv4 address's four numbers is 0-255");
            }
            value = value << 8 | octet;
        }
        return new Ipv4(value);
    }

    @Override
    public String toString() {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }

    /**
     * A network in CIDR form, e.g. {@code 10.10.101.0/24}.
     *
     * @param network the first address, with no host bits set
     */
    record Subnet(Ipv4 network, int prefixLength) {
        static Subnet parse(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            if (slash < 0 || !text.substring(slash + 1).matches("[1-9]\\d?")) {
                throw new IllegalArgumentException("expected a network in CIDR form such as 10.10.101.0/24");
            }
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix > 30) {
                // a /31 or /32 has no room for a VIP, a range and its own network and broadcast addresses
                throw new IllegalArgumentException("the prefix length is 1-30 for a network that leases addresses");
            }
            Ipv4 network = Ipv4.parse(text.substring(0, slash));
            Subnet subnet = new Subnet(network, prefix);
            if (subnet.first().value() != network.value()) {
                throw new IllegalArgumentException("host bits are set; the network is " + subnet.first() + "/" + prefix);
            }
            return subnet;
        }

        long mask() {
            return 0xFFFFFFFFL << (32 - prefixLength) & 0xFFFFFFFFL;
        }

        Ipv4 first() {
            return new Ipv4(network.value() & mask());
        }

        Ipv4 broadcast() {
            return new Ipv4(network.value() | ~mask() & 0xFFFFFFFFL);
        }

        Ipv4 netmask() {
            return new Ipv4(mask());
        }

        /** A host address of this network: inside it and neither its network nor its broadcast address. */
        boolean hasHost(Ipv4 address) {
            return address.value() > first().value() && address.value() < broadcast().value();
        }

        @Override
        public String toString() {
            return network + "/" + prefixLength;
        }
    }
}
