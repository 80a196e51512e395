package org.clusterdeck.ui.overview;

/** A cluster property (crm_config) and, when the setting is risky, why. */
public record ClusterProperty(String name, String value, String warning) {
}
