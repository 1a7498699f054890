package io.spikeforge.it;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers, as the README's architecture section draws them, checked on the compiled classes (every
 * reference counts, not only imports): the SPI depends on nothing of SpikeForge; the kernels on the SPI
 * alone; the plugins, the engine and the TornadoVM backend on the SPI and the kernels, and none of them
 * on another; the command line on the engine. And no package, in any module, depends on one that
 * depends on it back.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.spikeforge");

    private static final String SPI = "io.spikeforge.spi..";
    private static final String KERNELS = "io.spikeforge.kernels..";
    private static final String ENGINE = "io.spikeforge.core..";
    private static final String PLUGINS = "io.spikeforge.plugins..";
    private static final String TORNADO = "io.spikeforge.tornado..";
    private static final String CLI = "io.spikeforge.cli..";
    private static final String PROCESSOR = "io.spikeforge.processor..";

    @Test
    void theClassesOfEveryModuleAreThere() {
        for (String probe : new String[] {"io.spikeforge.spi.StepTask", "io.spikeforge.kernels.NeuronKernelsCalls",
                "io.spikeforge.core.Engine", "io.spikeforge.plugins.neurons.NeuronsPlugin", "io.spikeforge.cli.SpikeForgeCli"}) {
            assertTrue(CLASSES.contain(probe), probe);
        }
    }

    @Test
    void theSpiDependsOnNothingOfSpikeForge() {
        rule(noClasses().that().resideInAPackage(SPI).should().dependOnClassesThat()
                .resideInAnyPackage(KERNELS, ENGINE, PLUGINS, TORNADO, CLI, PROCESSOR));
    }

    @Test
    void theKernelsDependOnTheSpiAlone() {
        rule(noClasses().that().resideInAPackage(KERNELS).should().dependOnClassesThat()
                .resideInAnyPackage(ENGINE, PLUGINS, TORNADO, CLI, PROCESSOR));
    }

    @Test
    void pluginsReachTheEngineOnlyThroughTheSpi() {
        rule(noClasses().that().resideInAPackage(PLUGINS).should().dependOnClassesThat()
                .resideInAnyPackage(ENGINE, TORNADO, CLI, PROCESSOR));
    }

    @Test
    void theBackendsSeeTheirNetworkThroughTheSpi() {
        boolean built = CLASSES.contain("io.spikeforge.tornado.TornadoBackend");
        if (!built) {
            System.out.println("ArchitectureTest.theBackendsSeeTheirNetworkThroughTheSpi skipped: this build has no"
                    + " TornadoVM backend (tornado profile); its pom depends on the SPI and the kernels alone, so a"
                    + " build with TORNADOVM_HOME set enforces the rule too");
        }
        Assumptions.assumeTrue(built, "no TornadoVM backend in this build");
        rule(noClasses().that().resideInAPackage(TORNADO).should().dependOnClassesThat()
                .resideInAnyPackage(ENGINE, PLUGINS, CLI));
    }

    @Test
    void theEngineKnowsNoPluginBackendOrCommandLine() {
        rule(noClasses().that().resideInAPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage(PLUGINS, TORNADO, CLI, PROCESSOR));
    }

    @Test
    void theCommandLineUsesTheEngineNotThePlugins() {
        rule(noClasses().that().resideInAPackage(CLI).should().dependOnClassesThat()
                .resideInAnyPackage(PLUGINS, TORNADO, PROCESSOR));
    }

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        rule(slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("io.spikeforge") ? SliceIdentifier.of(c.getPackageName())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every package of io.spikeforge";
            }
        }).should().beFreeOfCycles());
    }

    private static void rule(ArchRule rule) {
        rule.check(CLASSES);
    }
}
