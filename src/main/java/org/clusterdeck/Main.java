package org.clusterdeck;

/** One jar, two faces: no arguments opens the console window, any argument is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The few warnings ClusterDeck logs (java.lang.System.Logger) on one line each, not the JDK's two
        byDefault("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%6$s%n");
        // Two libraries search every jar on the class path at each start, which a one-shot command pays
        // for in full (20-30 ms each in the package, whose dependencies are separate jars): SLF4J for its
        // provider, unless it is named (and then it would say so on stderr), and picocli for Groovy's closures.
        byDefault("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        byDefault("slf4j.internal.verbosity", "WARN");
        byDefault("picocli.disable.closures", "true");
        if (args.length == 0) {
            org.clusterdeck.ui.ClusterDeckApp.launchWindow(args);
        } else {
            System.exit(org.clusterdeck.cli.Cli.run(args));
        }
    }

    /** Sets a system property unless the JVM's command line did. */
    private static void byDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
