package org.clusterdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.xpath.XPathFactory;
import org.clusterdeck.cluster.xml.SafeXml;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    /** Maven filled the pom's version into the build: what --version, the About box and the packages say. */
    @Test
    void theVersionIsThePoms() throws Exception {
        String pomVersion = XPathFactory.newInstance().newXPath().evaluate("/project/version",
                SafeXml.parse(Files.readString(Path.of("pom.xml")), "pom.xml"));
        assertEquals(pomVersion, BuildInfo.version());
    }
}
