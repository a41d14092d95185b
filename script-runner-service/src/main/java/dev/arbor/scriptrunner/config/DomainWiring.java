package dev.arbor.scriptrunner.config;

import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptImportService;
import dev.arbor.scriptrunner.port.ScriptRepository;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the framework-free domain services from their ports. */
public class DomainWiring {
    @Produces
    @Singleton
    ScriptCatalogService scriptCatalogService(ScriptRepository repository) {
        return new ScriptCatalogService(repository);
    }

    @Produces
    @Singleton
    ScriptImportService scriptImportService(ScriptRepository repository) {
        return new ScriptImportService(repository);
    }
}
