package dev.arbor.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays free of frameworks: it can be read, tested and reused without Quarkus. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbor.federation");

    @Test
    void domainDependsOnNoFramework() {
        noClasses().that().resideInAPackage("dev.arbor.federation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws..", "io.grpc..", "io.vertx..", "io.smallrye..",
                        "org.hibernate..", "jakarta.persistence..", "com.fasterxml..", "org.jose4j..")
                .check(CLASSES);
    }

    @Test
    void domainDoesNotReachIntoAdaptersOrProtocols() {
        noClasses().that().resideInAPackage("dev.arbor.federation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.arbor.federation.adapter..", "dev.arbor.federation.protocol..",
                        "dev.arbor.federation.port..", "dev.arbor.federation.config..")
                .check(CLASSES);
    }
}
