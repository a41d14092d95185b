package dev.arbor.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainWhenCheckedThenFreeOfFrameworkImports() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arbor.ui");
        noClasses().that().resideInAPackage("dev.arbor.ui.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws..", "io.grpc..", "io.vertx..", "io.smallrye..", "org.hibernate..")
                .check(classes);
    }
}
