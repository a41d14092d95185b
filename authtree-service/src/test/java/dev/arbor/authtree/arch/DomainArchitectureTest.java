package dev.arbor.authtree.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain, the node seam and the ports stay free of framework code (STYLE.md, layout of one service).
 * Plain JUnit tests calling {@code check}, so they run (and are counted) under the Jupiter engine.
 */
class DomainArchitectureTest {
    private static final String[] CORE = {"dev.arbor.authtree.domain..", "dev.arbor.authtree.node..",
            "dev.arbor.authtree.port.."};
    private static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta.ws..", "io.grpc..", "io.vertx..",
            "io.smallrye..", "org.hibernate..", "jakarta.enterprise..", "jakarta.inject..", "com.fasterxml.jackson.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbor.authtree");

    @Test
    void domainNodesAndPortsImportNoFramework() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(CLASSES);
    }

    @Test
    void domainNodesAndPortsDoNotReachIntoAdaptersOrConfig() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.arbor.authtree.adapter..",
                        "dev.arbor.authtree.config..")
                .check(CLASSES);
    }

    @Test
    void domainClassesAreFound() {
        noClasses().that().resideInAnyPackage(CORE).should().haveSimpleName("__none__").check(CLASSES);
        if (CLASSES.stream().noneMatch(c -> c.getPackageName().startsWith("dev.arbor.authtree.domain"))) {
            throw new AssertionError("no domain classes imported: the rules above would pass vacuously");
        }
    }
}
