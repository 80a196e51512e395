package org.clusterdeck.ui.timeline;

/**
 * Where one resource of a failover went. {@code from} and {@code to} are node names; the same
 * node when it recovered in place; {@code to} is null while it runs nowhere.
 */
public record Move(String resource, String from, String to) {
}
