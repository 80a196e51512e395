package org.clusterdeck.cluster.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.transport.Command;
import org.clusterdeck.transport.CommandResult;
import org.clusterdeck.transport.LocalProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SafeXmlTest {
    public static final String BOMB = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <cib epoch="1">&lol9;</cib>
            """;

    @Test
    void entityBombIsRefusedQuicklyBecauseDtdsAreRefused() {
        FormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(FormatException.class, () -> SafeXml.parse(BOMB, "bomb.xml")));
        assertTrue(e.getMessage().startsWith("bomb.xml: "), e.getMessage());
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE cib [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><cib>&x;</cib>";
        FormatException e = assertThrows(FormatException.class, () -> SafeXml.parse(xxe, "xxe.xml"));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertTrue(!e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void emptyAndBlankOutputSaySo() {
        assertEquals("node1: empty output, expected XML",
                assertThrows(FormatException.class, () -> SafeXml.parse("", "node1")).getMessage());
        assertThrows(FormatException.class, () -> SafeXml.parse(" \n\t", "node1"));
    }

    @Test
    void htmlErrorPageIsRefusedNamingWhatItStartsWith() {
        String html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body></body></html>";
        FormatException e = assertThrows(FormatException.class, () -> SafeXml.parse(html, "proxy"));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        String text = "Error: connection refused\n";
        e = assertThrows(FormatException.class, () -> SafeXml.parse(text, "node2"));
        assertEquals("node2: not XML: output starts with \"Error: connection refused\"", e.getMessage());
    }

    @Test
    void agentMetadataNamingItsDtdIsReadWithoutItButAnInternalSubsetIsStillRefused() throws Exception {
        // what crm_resource --show-metadata prints for the agents installed here
        CommandResult r = new LocalProcessRunner().run(Command.of("crm_resource", "--show-metadata",
                "ocf:heartbeat:IPaddr2").withTimeout(Duration.ofSeconds(30)));
        assertTrue(r.stdout().contains("<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">"), r.stdout());
        assertEquals("resource-agent", SafeXml.parseNamingDtd(r.stdout(), "IPaddr2").getDocumentElement().getTagName());
        assertThrows(FormatException.class, () -> SafeXml.parse(r.stdout(), "IPaddr2"));

        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\" [<!ENTITY a \"aaaa\">]>"
                + "<resource-agent>&a;</resource-agent>";
        FormatException e = assertThrows(FormatException.class, () -> SafeXml.parseNamingDtd(bomb, "node1: agent"));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        String external = "<!DOCTYPE resource-agent SYSTEM \"file:///etc/passwd\"><resource-agent>&x;</resource-agent>";
        assertThrows(FormatException.class, () -> SafeXml.parseNamingDtd(external, "node1: agent"));
    }

    @Test
    void truncatedRealOutputGivesLineAndColumn() {
        String full = Corpus.read("pacemaker/crm_mon/promoted-0.xml");
        String cut = full.substring(0, full.length() / 2);
        FormatException e = assertThrows(FormatException.class, () -> SafeXml.parse(cut, "crm_mon"));
        assertTrue(e.getMessage().matches("crm_mon: line \\d+, column \\d+: truncated or malformed XML.*"),
                e.getMessage());
    }

    @Test
    void binaryGarbageIsRefused() {
        String garbage = "\u0001\u00ff\u0002PK\u0003\u0004garbage";
        FormatException e = assertThrows(FormatException.class, () -> SafeXml.parse(garbage, "g"));
        assertTrue(e.getMessage().startsWith("g: not XML"), e.getMessage());
    }

    @Test
    void realOutputParses() {
        var doc = SafeXml.parse(Corpus.read("pacemaker/crm_mon/promoted-0.xml"), "crm_mon");
        assertEquals("pacemaker-result", doc.getDocumentElement().getTagName());
    }
}
