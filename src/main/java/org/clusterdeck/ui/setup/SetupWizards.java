package org.clusterdeck.ui.setup;

import java.util.function.Consumer;
import org.clusterdeck.app.clusters.ClusterProfile;

/** Opens a new setup wizard: the window's seam to SSH and the data directory, which tests replace. */
@FunctionalInterface
public interface SetupWizards {
    /** @param onBuilt told of the built cluster's profile when the admin opens it */
    SetupWizardViewModel open(Consumer<ClusterProfile> onBuilt);
}
