package org.clusterdeck;

/** One jar, two faces: no arguments opens the console window, any argument is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The few warnings ClusterDeck logs (java.lang.System.Logger) on one line each, not the JDK's two
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%6$s%n");
        }
        if (args.length == 0) {
            org.clusterdeck.ui.ClusterDeckApp.launchWindow(args);
        } else {
            System.exit(org.clusterdeck.cli.Cli.run(args));
        }
    }
}
