package dev.arbor.scriptrunner.config;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.scriptrunner.adapter.out.cache.CachingScriptRepository;
import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptImportService;
import dev.arbor.scriptrunner.domain.admin.ScriptAdminService;
import dev.arbor.scriptrunner.port.ScriptAdminRepository;
import dev.arbor.scriptrunner.port.ScriptSyntaxChecker;
import dev.arbor.scriptrunner.domain.execution.ScriptExecutionService;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import dev.arbor.scriptrunner.port.ScriptRepository;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the framework-free domain services from their ports. */
public class DomainWiring {
    /** Reads of script versions go through the per-replica cache (arbor.script-cache.*); imports do not need it. */
    @Produces
    @Singleton
    ScriptCatalogService scriptCatalogService(ScriptRepository repository, ScriptRunnerConfig config) {
        ScriptRunnerConfig.ScriptCache cache = config.scriptCache();
        return new ScriptCatalogService(new CachingScriptRepository(repository, cache.maxVersions(),
                cache.latestTtl(), Ticker.systemTicker()));
    }

    /** Scripts block while they run: never on the event loop, always on the worker pool. */
    @Produces
    @Singleton
    ScriptExecutionService scriptExecutionService(ScriptCatalogService catalog, ScriptSandbox sandbox) {
        return new ScriptExecutionService(catalog, sandbox, Infrastructure.getDefaultWorkerPool());
    }

    @Produces
    @Singleton
    ScriptAdminService scriptAdminService(ScriptAdminRepository repository, ScriptSyntaxChecker syntax,
                                          ScriptExecutionService executions, ScriptRunnerConfig config) {
        return new ScriptAdminService(repository, syntax, executions, Infrastructure.getDefaultWorkerPool(),
                config.sandbox().maxSourceChars());
    }

    @Produces
    @Singleton
    ScriptImportService scriptImportService(ScriptRepository repository) {
        return new ScriptImportService(repository);
    }
}
