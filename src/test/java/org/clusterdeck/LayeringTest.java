package org.clusterdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the design notes, ui over app over cluster over transport, with the command line
 * beside ui: dependencies point downwards only, and only ui draws with JavaFX. Checked on the
 * compiled main classes, so a dependency counts however the source spells it (an import or a full name).
 */
@AnalyzeClasses(packages = "org.clusterdeck",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class LayeringTest {
    private static final String UI = "org.clusterdeck.ui..";
    private static final String CLI = "org.clusterdeck.cli..";
    private static final String APP = "org.clusterdeck.app..";
    private static final String CLUSTER = "org.clusterdeck.cluster..";
    private static final String TRANSPORT = "org.clusterdeck.transport..";

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideInAnyPackage(APP, CLUSTER, TRANSPORT)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", UI);

    @ArchTest
    static final ArchRule transportKnowsNoLayerAbove = noClasses().that().resideInAPackage(TRANSPORT)
            .should().dependOnClassesThat().resideInAnyPackage(CLUSTER, APP, UI, CLI);

    @ArchTest
    static final ArchRule clusterKnowsNoLayerAbove = noClasses().that().resideInAPackage(CLUSTER)
            .should().dependOnClassesThat().resideInAnyPackage(APP, UI, CLI);

    @ArchTest
    static final ArchRule appKnowsNeitherUiNorCommandLine = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(UI, CLI);
}
