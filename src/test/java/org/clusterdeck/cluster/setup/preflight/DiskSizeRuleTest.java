package org.clusterdeck.cluster.setup.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.clusterdeck.cluster.events.Severity;
import org.junit.jupiter.api.Test;

/** Where the size rule's line lies: up to 1 % of the larger disk unused goes on, more stops. */
class DiskSizeRuleTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void equalIsNothingOnePercentIsAWarningMoreBlocks() {
        assertNull(DiskSizeRule.severity(100 * GIB, 100 * GIB));
        assertEquals(Severity.WARNING, DiskSizeRule.severity(100 * GIB, 100 * GIB - 512));
        assertEquals(Severity.WARNING, DiskSizeRule.severity(1000, 990));
        assertEquals(Severity.CRITICAL, DiskSizeRule.severity(1000, 989));
        // either order, and sizes far beyond what an int holds
        assertEquals(Severity.CRITICAL, DiskSizeRule.severity(8 * 1024 * GIB, 4 * 1024 * GIB));
        assertEquals(Severity.CRITICAL, DiskSizeRule.severity(4 * 1024 * GIB, 8 * 1024 * GIB));
        assertEquals("4.0 TiB (50.0 % of the larger disk)", DiskSizeRule.lost(4 * 1024 * GIB, 8 * 1024 * GIB));
    }
}
