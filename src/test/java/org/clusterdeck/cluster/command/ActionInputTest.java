package org.clusterdeck.cluster.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Names and values of actions: what Pacemaker's schema and real clusters use passes, the rest is refused with a reason. */
class ActionInputTest {

    /** Every id and node name in Pacemaker's own test CIBs was accepted by Pacemaker, so it must pass here. */
    @Test
    void everyResourceIdAndNodeNameOfTheCorpusPasses() throws Exception {
        var xpath = XPathFactory.newInstance().newXPath();
        int ids = 0;
        int nodes = 0;
        List<String> refused = new ArrayList<>();
        for (Path f : Corpus.files("pacemaker/cib", ".xml")) {
            Document d = SafeXml.parse(Corpus.read(f), f.toString());
            NodeList rs = (NodeList) xpath.evaluate("//resources//*[self::primitive or self::group or self::clone"
                    + " or self::master or self::bundle]/@id", d, XPathConstants.NODESET);
            for (int i = 0; i < rs.getLength(); i++, ids++) {
                String id = rs.item(i).getNodeValue();
                check(() -> ActionInput.id("resource id", id), f, refused);
            }
            NodeList ns = (NodeList) xpath.evaluate("/cib/configuration/nodes/node/@uname", d, XPathConstants.NODESET);
            for (int i = 0; i < ns.getLength(); i++, nodes++) {
                String name = ns.item(i).getNodeValue();
                check(() -> ActionInput.nodeName(name), f, refused);
            }
        }
        assertTrue(ids > 3000 && nodes > 1000, ids + " ids, " + nodes + " node names");
        assertEquals(List.of(), refused);
    }

    private static void check(Runnable r, Path f, List<String> refused) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            refused.add(f.getFileName() + ": " + e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(touch /tmp/m)", "`touch m`", "a;b", "a\nb", "-rf", "--force", "a b", "a'b", "a\"b",
        "a|b", "a&b", "1abc", ".x", "rsc:0", "a/b", "a\\b", "a>b", "*", "a\u0000b", "a\tb", "\u00e9\u0000"})
    void hostileIdsAreRefusedWithTheRule(String hostile) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ActionInput.id("resource id", hostile));
        assertTrue(e.getMessage().startsWith("resource id '"), e.getMessage());
        assertTrue(e.getMessage().contains("NCName") || e.getMessage().contains("must start"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "the message stays on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(id)", "`id`", "n;1", "n\n1", "-n", "--node", "n 1", "n'1", ".n", "n/1", ""})
    void hostileNodeNamesAreRefused(String hostile) {
        assertThrows(InvalidInputException.class, () -> ActionInput.nodeName(hostile));
        assertThrows(InvalidInputException.class, () -> new ClusterAction.Standby(hostile, true));
    }

    @Test
    void idsFromOtherScriptsAndCaseRulesPass() {
        for (String ok : List.of("g_dhcp", "p_drbd_r0", "ms-drbd.r0", "_x", "\u00e9t\u00e9", "A1-b_c.d")) {
            assertEquals(ok, ActionInput.id("resource id", ok));
        }
        for (String ok : List.of("node1", "18node1", "arc-tkincaidlx.wsicorp.com", "c001n02", "node_a")) {
            assertEquals(ok, ActionInput.nodeName(ok));
        }
    }

    @Test
    void valuesMayHoldShellCharactersButNoControlCharacters() {
        assertEquals("$(x) `y`; z", ActionInput.value("v", "$(x) `y`; z"));
        assertEquals("-1", ActionInput.value("v", "-1"));
        for (String bad : List.of("", "a\nb", "a\rb", "a\u001b[31m", "a\u0000")) {
            assertThrows(InvalidInputException.class, () -> ActionInput.value("v", bad), bad);
        }
        assertThrows(InvalidInputException.class, () -> ActionInput.value("v", "x".repeat(ActionInput.MAX_VALUE_LENGTH + 1)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ActionInput.value("value of x", "a\nb"));
        assertEquals("value of x 'a\\x0ab' is not allowed: it contains a control character (newline, tab, escape ...)",
                e.getMessage());
    }

    @Test
    void lifetimesAreIso8601Durations() {
        for (String ok : List.of("PT30M", "PT2H", "P1D", "P1DT12H", "PT90S", "P2W", "P1Y2M")) {
            assertEquals(ok, ActionInput.lifetime(ok));
        }
        for (String bad : List.of("P", "PT", "30m", "1h", "P1H", "-PT1H", "PT1H;id", "PT1H\n", "P1DT")) {
            assertThrows(InvalidInputException.class, () -> ActionInput.lifetime(bad), bad);
        }
    }
}
