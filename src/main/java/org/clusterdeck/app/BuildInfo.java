package org.clusterdeck.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What Maven wrote into the build ({@code org/clusterdeck/build.properties}, filtered from the pom): the
 * same version whether ClusterDeck runs from target/classes, the jar or an installed package.
 */
public final class BuildInfo {
    private static final String RESOURCE = "/org/clusterdeck/build.properties";

    private BuildInfo() {
    }

    /** The pom's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isEmpty() || v.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filled in by Maven: " + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
