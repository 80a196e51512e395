package org.clusterdeck.cluster.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * States the corpus holds back or never caught (online verify, a stalled resync, a device large
 * enough for M units). BUILT FROM THE FORMAT DEFINITIONS, not captured: each sample is what the
 * named printer emits for the stated kernel values, worked out by hand from its format strings:
 * LINBIT/drbd drbd/drbd_proc.c (8.4) drbd_syncer_progress() and LINBIT/drbd-utils
 * user/v9/drbdsetup.c peer_device_status_json() and print_peer_device_statistics().
 */
class DrbdBuiltSampleTest {

    /**
     * 8.4 online verify on a 4 GiB+ device: rs_total > 4 GiB in bitmap bits selects the
     * "(left/total)M" form, which has no line break, so finish: follows on the same line
     * (upstream kernels); VerifyS prints want:.
     */
    private static final String PROC_VERIFY_M_UNITS = """
            version: 8.4.11 (api:1/proto:86-101)
            srcversion: F73C670A7EC572DB9CF3E5B\s
             0: cs:VerifyS ro:Primary/Secondary ds:UpToDate/UpToDate C r-----
                ns:0 nr:0 dw:0 dr:2101248 al:0 bm:0 lo:0 pe:1 ua:0 ap:0 ep:1 wo:f oos:0
            \t[======>.............] verified: 34.9% (3388/5208)Mfinish: 0:14:27 speed: 3,996 (4,020) want: 4,096 K/sec
            """;

    /** 8.4 resync whose marks are older than the mark window: "(stalled)"; resync paused by the user (u). */
    private static final String PROC_STALLED = """
            version: 8.4.11 (api:1/proto:86-101)
            srcversion: F73C670A7EC572DB9CF3E5B\s
             0: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r--u--
                ns:40960 nr:0 dw:0 dr:40960 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:90072
            \t[====>...............] sync'ed: 31.3% (90072/131032)K
            \tfinish: 0:12:31 speed: 120 (1,001) K/sec (stalled)

             2: cs:Unconfigured
            """;

    /** DRBD 9 JSON during online verify: ov_left != 0, so ov-* keys replace rs-failed/rs-same-csum. */
    private static final String JSON_VERIFY = """
            [
            {
              "name": "r0",
              "node-id": 0,
              "role": "Primary",
              "suspended": false,
              "write-ordering": "flush",
              "devices": [
                {
                  "volume": 0,
                  "minor": 0,
                  "disk-state": "UpToDate",
                  "client": false,
                  "quorum": true,
                  "size": 131032
                } ],
              "connections": [
                {
                  "peer-node-id": 1,
                  "name": "vm2",
                  "connection-state": "Connected",\s
                  "congested": false,
                  "peer-role": "Secondary",
                  "peer_devices": [
                    {
                      "volume": 0,
                      "replication-state": "VerifyS",
                      "peer-disk-state": "UpToDate",
                      "peer-client": false,
                      "resync-suspended": "no",
                      "received": 0,
                      "sent": 0,
                      "out-of-sync": 0,
                      "pending": 0,
                      "unacked": 0,
                      "has-sync-details": true,
                      "has-online-verify-details": true,
                      "percent-in-sync": 100.00,
                      "rs-total": 262064,
                      "rs-dt-start-ms": 30000,
                      "rs-paused-ms": 0,
                      "rs-dt0-ms": 30000,
                      "rs-db0-sectors": 122880,
                      "rs-dt1-ms": 3000,
                      "rs-db1-sectors": 12288,
                      "ov-start-sector": 0,
                      "ov-stop-sector": -1,
                      "ov-position": 122880,
                      "ov-left": 139184,
                      "ov-skipped": 0,
                      "want": 0.00,
                      "db0/dt0 [MiB/s]": 2.00,
                      "db1/dt1 [MiB/s]": 2.00,
                      "estimated-seconds-to-finish": 34,
                      "db/dt [MiB/s]": 2.00,
                      "percent-resync-done": 46.89
                    } ]
                } ]
            }
            ]
            """;

    /** events2 peer-device line during the same verify; db1 <= 0 there makes drbdsetup print eta:nan. */
    private static final String EVENTS2_VERIFY = """
            exists resource name:r0 role:Primary suspended:no write-ordering:flush
            exists connection name:r0 peer-node-id:1 conn-name:vm2 connection:Connected role:Secondary
            exists device name:r0 volume:0 minor:0 disk:UpToDate client:no quorum:yes
            exists peer-device name:r0 peer-node-id:1 conn-name:vm2 volume:0 replication:VerifyS peer-disk:UpToDate resync-suspended:no done:46.89 received:0 sent:0 out-of-sync:0 pending:0 unacked:0 dbdt1:0.00 eta:nan
            exists -
            """;

    @Test
    void procDrbdVerifyWithMegabyteUnitsAndFinishOnTheSameLine() {
        DrbdStatus s = DrbdStatusReader.parse(PROC_VERIFY_M_UNITS, "built-proc-verify");
        DrbdConnection c = s.resources().get(0).connections().get(0);
        DrbdPeerDevice p = c.peerDevices().get(0);
        assertEquals("Connected", c.connectionState());
        assertEquals("VerifyS", p.replicationState());
        assertTrue(p.isVerifying());
        assertFalse(p.isResyncing());
        assertEquals(34.9, p.syncDonePercent());
        assertEquals(3996L, p.speedKiBps());
        assertEquals(14 * 60 + 27L, p.etaSeconds());
        assertEquals(0L, p.outOfSyncKiB());
        assertFalse(p.isPaused());
    }

    @Test
    void procDrbdStalledAndUserPausedResync() {
        DrbdStatus s = DrbdStatusReader.parse(PROC_STALLED, "built-proc-stalled");
        assertEquals(1, s.resources().size(), "the unconfigured minor 2 is left out");
        DrbdPeerDevice p = s.resources().get(0).connections().get(0).peerDevices().get(0);
        assertTrue(p.stalled());
        assertEquals("user", p.resyncSuspended());
        assertTrue(p.isPaused());
        assertEquals(120L, p.speedKiBps());
        assertEquals(12 * 60 + 31L, p.etaSeconds());
        assertEquals(90072L, p.outOfSyncKiB());
    }

    @Test
    void jsonVerifyProgressComesFromPercentResyncDone() {
        DrbdPeerDevice p = DrbdStatusReader.parse(JSON_VERIFY, "built-json-verify")
                .resources().get(0).connections().get(0).peerDevices().get(0);
        assertTrue(p.isVerifying());
        assertEquals(46.89, p.syncDonePercent());
        assertEquals(2048L, p.speedKiBps());
        assertEquals(34L, p.etaSeconds());
        assertEquals("Connected", DrbdStatusReader.parse(JSON_VERIFY, "x").resources().get(0)
                .connections().get(0).connectionState(), "the padded value is trimmed");
    }

    @Test
    void jsonNoEstimateSentinelIsUnknown() {
        String noEstimate = JSON_VERIFY.replace("\"estimated-seconds-to-finish\": 34",
                "\"estimated-seconds-to-finish\": 987654321");
        assertNull(DrbdStatusReader.parse(noEstimate, "x").resources().get(0).connections().get(0)
                .peerDevices().get(0).etaSeconds());
    }

    @Test
    void events2NanEtaIsUnknown() {
        DrbdPeerDevice p = DrbdStatusReader.parse(EVENTS2_VERIFY, "built-events2-verify")
                .resources().get(0).connections().get(0).peerDevices().get(0);
        assertTrue(p.isVerifying());
        assertEquals(46.89, p.syncDonePercent());
        assertEquals(0L, p.speedKiBps());
        assertNull(p.etaSeconds());
    }
}
