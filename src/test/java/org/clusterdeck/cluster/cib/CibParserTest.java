package org.clusterdeck.cluster.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdeck.Corpus;
import org.clusterdeck.cluster.FormatException;
import org.clusterdeck.cluster.graph.DependencyGraph;
import org.clusterdeck.cluster.graph.GraphBuilder;
import org.clusterdeck.cluster.graph.GraphResource;
import org.junit.jupiter.api.Test;

/** Details of the CIB model on real files; odd and hostile input. */
class CibParserTest {

    private static Cib cib(String file) {
        return CibParser.parse(Corpus.read("pacemaker/cib/" + file), file);
    }

    @Test
    void idRefNvpairTakesTheReferencedValue() {
        Primitive rsc2 = (Primitive) cib("nvpair-id-ref.xml").resource("rsc2").orElseThrow();
        NvPair p = rsc2.instanceAttributes().get(0).pairs().get(0);
        assertEquals("rsc1-instance_attributes-fake", p.idRef());
        assertEquals("fake", p.name());
        assertEquals("common-value", rsc2.instanceAttribute("fake"));
    }

    @Test
    void idRefOperationsAreResolved() {
        Primitive p = (Primitive) cib("bug-lf-2619.xml").resource("prmFsPostgreSQLDB1-1").orElseThrow();
        assertEquals(List.of("start", "monitor", "stop", "migrate_from", "migrate_to"),
                p.operations().stream().map(Operation::name).toList());
        assertEquals("30s", p.operations().get(1).attribute("timeout"));
    }

    @Test
    void templatePrimitivesTakeTheTemplateAgentAndInheritMeta() {
        Cib c = cib("template-1.xml");
        Primitive rsc1 = (Primitive) c.resource("rsc1").orElseThrow();
        assertEquals("template1", rsc1.template());
        assertEquals("ocf:pacemaker:Dummy", rsc1.agent());
        assertEquals("template1", c.templates().get(0).id());
        DependencyGraph g = GraphBuilder.build(c);
        assertTrue(g.resources().stream().noneMatch(r -> r.id().equals("template1")), "templates are no resources");
        assertEquals("Started", c.metaAttribute("rsc2", "target-role"));
    }

    @Test
    void versionTripleAndHeader() {
        Cib c = cib("bug-5143-ms-shuffle.xml");
        String text = Corpus.read("pacemaker/cib/bug-5143-ms-shuffle.xml");
        String head = text.substring(text.indexOf("<cib"), text.indexOf('>', text.indexOf("<cib")));
        assertTrue(head.contains("epoch=\"" + c.version().epoch() + "\""), head);
        assertTrue(head.contains("num_updates=\"" + c.version().numUpdates() + "\""), head);
        assertTrue(c.version().compareTo(new CibVersion(c.version().adminEpoch(), c.version().epoch() + 1, 0)) < 0);
    }

    @Test
    void promotableCloneParentsAndMetaInheritance() {
        Cib c = cib("bug-5143-ms-shuffle.xml");
        CibResource ms = c.resource("ms-r0").orElseThrow();
        assertEquals("promotable", ms.kind());
        CibResource drbd = ms.children().get(0);
        assertEquals("ms-r0", c.parent(drbd.id()).orElseThrow().id());
        assertEquals(null, drbd.meta("promoted-max"));
        assertEquals("1", c.metaAttribute(drbd.id(), "promoted-max"), "a clone's meta reaches its child");
        assertEquals(List.of(drbd), c.children("ms-r0"));
    }

    @Test
    void inCcmAsTimestampSince217() {
        // This corpus file was written by Pacemaker >= 2.1.7: in_ccm and crmd hold join times.
        Cib c = cib("coloc-optional-promoted-dependent-moves-1.xml");
        NodeState s = c.nodeStates().get(0);
        assertEquals("1718744075", s.inCcm());
        assertEquals(Boolean.TRUE, s.member());
        assertEquals(Boolean.TRUE, s.controllerOnline());
        assertEquals("member", s.join());
        NodeState old = cib("bug-5143-ms-shuffle.xml").nodeStates().get(0);
        assertEquals(Boolean.valueOf(old.inCcm()), old.member());
    }

    @Test
    void constraintsKeepTheirAttributes() {
        Cib c = cib("bug-5140-require-all-false.xml");
        OrderConstraint o = (OrderConstraint) c.constraint("order-fs").orElseThrow();
        ResourceSet second = o.sets().get(1);
        assertEquals(Boolean.FALSE, second.requireAll());
        assertEquals(Boolean.FALSE, second.sequential());
        assertEquals(null, o.sets().get(0).sequential(), "absent stays distinguishable from true");
        assertEquals(List.of("fs-xfs-1", "fs2"), second.resources());
        ColocationConstraint col = (ColocationConstraint) c.constraint("colo-r0").orElseThrow();
        assertEquals("Promoted", col.withRscRole());
    }

    /**
     * Derived input: a real CIB with its Pacemaker 2 role words replaced by the pre-3.7 ones
     * (constraints-1.0.rng allows Master/Slave) must read as the same roles.
     */
    @Test
    void legacyRoleWordsAreNormalized() {
        String text = Corpus.read("pacemaker/cib/bug-5143-ms-shuffle.xml").replace("\"Promoted\"", "\"Master\"");
        ColocationConstraint col = (ColocationConstraint) CibParser.parse(text, "derived")
                .constraint("colo-r0").orElseThrow();
        assertEquals("Promoted", col.withRscRole());
    }

    /**
     * Built from the schemas (marked: no corpus sample has these): pacemaker-1.0 has
     * {@code <master>} (resources-1.0.rng) and Master/Slave roles (constraints-1.0.rng).
     */
    @Test
    void legacyMasterIsPromotable() {
        String xml = """
                <cib admin_epoch="0" epoch="5" num_updates="2" validate-with="pacemaker-1.0">
                  <configuration><crm_config/><nodes/>
                    <resources>
                      <master id="ms_drbd">
                        <meta_attributes id="ms_drbd-meta"><nvpair id="n1" name="master-max" value="1"/></meta_attributes>
                        <primitive id="p_drbd" class="ocf" provider="linbit" type="drbd"/>
                      </master>
                      <primitive id="p_fs" class="ocf" provider="heartbeat" type="Filesystem"/>
                    </resources>
                    <constraints>
                      <rsc_colocation id="fs_on_drbd" rsc="p_fs" with-rsc="ms_drbd" with-rsc-role="Master" score="INFINITY"/>
                    </constraints>
                  </configuration>
                  <status/>
                </cib>
                """;
        Cib c = CibParser.parse(xml, "schema-1.0 sample");
        Clone ms = (Clone) c.resource("ms_drbd").orElseThrow();
        assertTrue(ms.promotable() && ms.legacyMaster());
        DependencyGraph g = GraphBuilder.build(c);
        assertEquals(List.of(new GraphResource("ms_drbd", "promotable", null, null),
                new GraphResource("p_drbd", "primitive", "ocf:linbit:drbd", "ms_drbd"),
                new GraphResource("p_fs", "primitive", "ocf:heartbeat:Filesystem", null)), g.resources());
        assertEquals("Promoted", g.edges().get(0).fromRole());
    }

    @Test
    void notACibIsRefusedNamingTheRoot() {
        // A real crm_mon output is XML but not a CIB.
        String crmMon = Corpus.files("pacemaker/crm_mon", ".xml").get(0).toString();
        FormatException e = assertThrows(FormatException.class,
                () -> CibParser.parse(Corpus.read(java.nio.file.Path.of(crmMon)), crmMon));
        assertTrue(e.getMessage().contains("<pacemaker-result>") && e.getMessage().contains("<cib>"), e.getMessage());
        assertTrue(e.getMessage().startsWith(crmMon));
    }

    @Test
    void emptyAndTruncatedInputAreRefused() {
        assertThrows(FormatException.class, () -> CibParser.parse("", "empty"));
        assertThrows(FormatException.class, () -> CibParser.parse("  \n", "blank"));
        String text = Corpus.read("pacemaker/cib/order-sets.xml");
        FormatException e = assertThrows(FormatException.class,
                () -> CibParser.parse(text.substring(0, text.length() / 2), "truncated"));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        FormatException noConfig = assertThrows(FormatException.class,
                () -> CibParser.parse("<cib epoch=\"1\"><status/></cib>", "bare"));
        assertTrue(noConfig.getMessage().contains("configuration"));
        FormatException badEpoch = assertThrows(FormatException.class,
                () -> CibParser.parse(text.replaceFirst("epoch=\"\\d+\"", "epoch=\"x\""), "bad"));
        assertTrue(badEpoch.getMessage().contains("epoch"), badEpoch.getMessage());
    }

    /** Derived input: a real CIB with elements and attributes no schema has (yet). */
    @Test
    void unknownFutureElementsAndAttributesAreAccepted() {
        String text = Corpus.read("pacemaker/cib/rsc-sets-seq-true.xml")
                .replace("<constraints>", "<constraints><rsc_future id=\"f1\" rsc=\"rsc1\"/>")
                .replace("<resources>", "<resources><future-kind id=\"fk\"/>")
                .replace("<resource_set id=\"order-1-0\"", "<resource_set weight=\"3\" id=\"order-1-0\"")
                .replace("<configuration>", "<configuration><hologram id=\"h\"><x/></hologram>");
        Cib c = CibParser.parse(text, "derived");
        Cib original = cib("rsc-sets-seq-true.xml");
        assertEquals(original.constraints(), c.constraints());
        assertEquals(original.resources(), c.resources());
        assertEquals(GraphBuilder.build(original), GraphBuilder.build(c));
        assertFalse(c.constraint("f1").isPresent());
    }
}
