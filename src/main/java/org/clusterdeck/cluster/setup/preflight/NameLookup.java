package org.clusterdeck.cluster.setup.preflight;

/**
 * What a node's resolver makes of a name ({@code getent hosts}).
 *
 * @param address the first address it gives; null when the name does not resolve
 */
public record NameLookup(String name, String address) {
    public boolean resolves() {
        return address != null;
    }
}
