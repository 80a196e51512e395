package org.clusterdeck.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Median wall time of repeated work after warm-up rounds, for the benchmarks. */
public final class Timing {
    private Timing() {
    }

    public static double medianMillis(int warmup, int rounds, Callable<?> work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        double[] t = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            work.call();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }
}
