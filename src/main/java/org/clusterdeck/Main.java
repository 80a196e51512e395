package org.clusterdeck;

/** One jar, two faces: no arguments opens the console window, any argument is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.clusterdeck.ui.ClusterDeckApp.launchWindow(args);
        } else {
            System.exit(org.clusterdeck.cli.Cli.run(args));
        }
    }
}
