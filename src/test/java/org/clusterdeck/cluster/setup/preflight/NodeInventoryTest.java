package org.clusterdeck.cluster.setup.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;

/**
 * The inventory of this machine through the real commands, compared with what the kernel says
 * through other doors ({@code /sys}, Java's own interface list), and the parsers on broken output.
 */
class NodeInventoryTest {
    private static final String SOURCE = "node1: 'tool'";

    @Test
    void thisMachinesInterfacesAndDisksAsTheKernelKnowsThem() throws IOException {
        NodeInventory inv = new NodeFactsReader(new LocalProcessRunner("here"), "here").inventory();
        assertTrue(inv.reachable());
        assertEquals(List.of(), inv.problems(), "every command answered and every answer parsed");
        assertEquals(ThisMachine.name(), inv.unameNode());

        // interfaces and IPv4 addresses, as Java's own look at the kernel lists them
        Map<String, Set<String>> expected = new TreeMap<>();
        for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
            if (!ni.isLoopback()) {
                expected.put(ni.getName(), ni.getInterfaceAddresses().stream()
                        .filter(a -> a.getAddress() instanceof Inet4Address)
                        .map(a -> a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength())
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        Map<String, Set<String>> read = new TreeMap<>();
        inv.interfaces().forEach(i -> read.put(i.name(), i.addresses().stream().map(NetInterface.Address::toString)
                .collect(Collectors.toCollection(TreeSet::new))));
        // Java lists only interfaces that are up; ip lists all
        inv.interfaces().stream().filter(i -> !expected.containsKey(i.name())).forEach(i -> {
            assertFalse(i.up(), i + " is up, but Java does not list it");
            read.remove(i.name());
        });
        assertEquals(expected, read);

        // whole disks, as /sys/block has them (sizes in 512-byte sectors; partitions are not there)
        Map<String, Long> disks = new TreeMap<>();
        try (Stream<Path> blocks = Files.list(Path.of("/sys/block"))) {
            for (Path b : blocks.toList()) {
                String name = b.getFileName().toString();
                long bytes = Long.parseLong(Files.readString(b.resolve("size")).strip()) * 512;
                // device-mapper and md devices sit on disks; lsblk lists them as their children
                if (bytes > 0 && !name.matches("(loop|zram|ram|sr|drbd|dm-|md).*")) {
                    disks.put("/dev/" + name, bytes);
                }
            }
        }
        assertEquals(disks, inv.disks().stream().collect(Collectors.toMap(DiskChoice::path, DiskChoice::sizeBytes,
                (a, b) -> a, TreeMap::new)));
        // the disk this machine runs from holds something (none where / is not on a disk: a container's overlay)
        String root = rootDisk();
        if (!root.isEmpty()) {
            DiskChoice d = inv.disks().stream().filter(c -> c.path().equals(root)).findFirst().orElseThrow();
            assertFalse(d.looksEmpty(), d.toString());
            assertTrue(d.contents().stream().anyMatch(c -> c.contains("mounted on /")), d.toString());
        }
    }

    @Test
    void brokenOutputsNameTheSourceAndTheProblem() {
        fails("expected a list of interfaces", () -> IpAddrParser.parse("{}", SOURCE));
        fails("an interface without 'ifname'", () -> IpAddrParser.parse("[{\"operstate\": \"UP\"}]", SOURCE));
        fails("eth0: an IPv4 address without 'local' or 'prefixlen'", () -> IpAddrParser.parse(
                "[{\"ifname\": \"eth0\", \"addr_info\": [{\"family\": \"inet\", \"local\": \"10.0.0.1\"}]}]", SOURCE));
        fails("not JSON", () -> IpAddrParser.parse("Object \"-json\" is unknown", SOURCE));
        fails("no 'blockdevices' list", () -> LsblkParser.parseAll("{}", SOURCE));
        fails("expected 'NAME<TAB>/dev/DEVICE', got 'ata-X'", () -> DiskIdsParser.parse("ata-X\n", SOURCE));
    }

    @Test
    void byIdNamesMostReadableFirst() {
        Map<String, List<String>> ids = DiskIdsParser.parse("""
                wwn-0x5000c500a1b2c3d4\t/dev/sda
                ata-ST4000NM0035-1V4107_ZC1A2B3C\t/dev/sda
                ata-ST4000NM0035-1V4107_ZC1A2B3C-part1\t/dev/sda1
                """, SOURCE);
        assertEquals(Set.of("/dev/sda", "/dev/sda1"), ids.keySet());
        DiskChoice sda = new DiskChoice("/dev/sda", ids.get("/dev/sda"), 4_000_787_030_016L, "ST4000NM0035-1V4", false,
                List.of());
        assertEquals("/dev/disk/by-id/ata-ST4000NM0035-1V4107_ZC1A2B3C", sda.stablePath());
        assertTrue(sda.looksEmpty());
        assertEquals("/dev/vdb", new DiskChoice("/dev/vdb", List.of(), 1, null, false, List.of()).stablePath());
        assertFalse(new DiskChoice("/dev/vdb", List.of(), 1, null, true, List.of()).looksEmpty(), "read-only");
    }

    private static void fails(String expected, Runnable parse) {
        FormatException e = org.junit.jupiter.api.Assertions.assertThrows(FormatException.class, parse::run);
        assertTrue(e.getMessage().contains(SOURCE) && e.getMessage().contains(expected), e.getMessage());
    }

    /** The whole disk under /, by findmnt and lsblk's inverse tree: read apart from the inventory. */
    private static String rootDisk() {
        return LoopDisks.ok(org.clusterdeck.transport.Command.of("sh", "-c", "lsblk -n -s -o PATH,TYPE"
                + " \"$(findmnt -n -o SOURCE /)\" 2>/dev/null | awk '$2 == \"disk\" {print $1}' | head -1")).strip();
    }
}
