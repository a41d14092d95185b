package dev.arbor.scriptrunner.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md layout: the domain holds the logic and knows no framework, transport or store. */
class DomainArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbor.scriptrunner");

    @Test
    void domainDependsOnNoFrameworkTransportOrStore() {
        noClasses().that().resideInAPackage("dev.arbor.scriptrunner.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws..", "io.grpc..", "io.vertx..", "io.smallrye..",
                        "org.hibernate..", "jakarta.persistence..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("dev.arbor.scriptrunner.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.arbor.scriptrunner.adapter..", "dev.arbor.scriptrunner.config..")
                .check(CLASSES);
    }
}
