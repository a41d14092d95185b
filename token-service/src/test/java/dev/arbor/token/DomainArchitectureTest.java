package dev.arbor.token;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md: the domain holds the logic and no framework; adapters depend on it, never the reverse. */
class DomainArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbor.token");

    @Test
    void domainIsFreeOfFrameworkImports() {
        noClasses().that().resideInAPackage("dev.arbor.token.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws..", "io.grpc..", "io.vertx..", "io.smallrye..", "org.hibernate..",
                        "jakarta.enterprise..", "jakarta.inject..", "com.fasterxml..", "org.jose4j..")
                .check(CLASSES);
    }

    @Test
    void domainAndPortsDoNotDependOnAdaptersConfigOrGeneratedContracts() {
        noClasses().that().resideInAnyPackage("dev.arbor.token.domain..", "dev.arbor.token.port..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.arbor.token.adapter..", "dev.arbor.token.config..", "dev.arbor.contracts..")
                .check(CLASSES);
    }
}
