package org.clusterdeck.cluster.cib;

/**
 * One name/value pair. {@code idRef} is set when the pair was written as
 * {@code <nvpair id-ref=…/>}; name and value are then those of the referenced pair.
 */
public record NvPair(String id, String name, String value, String idRef) {
}
