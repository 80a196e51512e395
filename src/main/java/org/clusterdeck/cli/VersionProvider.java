package org.clusterdeck.cli;

import org.clusterdeck.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ClusterDeck " + BuildInfo.version()};
    }
}
