package org.clusterdeck.ui.overview;

import org.clusterdeck.cluster.events.Severity;

/** One thing the overview wants the admin to notice, with how urgent it is. */
public record Finding(Severity severity, String text) {
}
