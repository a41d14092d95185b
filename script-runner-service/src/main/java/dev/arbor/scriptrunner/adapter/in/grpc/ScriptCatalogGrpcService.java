package dev.arbor.scriptrunner.adapter.in.grpc;

import dev.arbor.contracts.scriptrunner.v1.DescribeScriptRequest;
import dev.arbor.contracts.scriptrunner.v1.DescribeScriptResponse;
import dev.arbor.contracts.scriptrunner.v1.MutinyScriptCatalogGrpc;
import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * {@code arbor.scriptrunner.v1.ScriptCatalog}: what a tree validator needs to know about a script
 * reference. Unknown realm, name or version is {@code found=false}, not an error.
 */
@GrpcService
public class ScriptCatalogGrpcService extends MutinyScriptCatalogGrpc.ScriptCatalogImplBase {
    private static final Logger LOG = Logger.getLogger(ScriptCatalogGrpcService.class);

    private final ScriptCatalogService catalog;

    public ScriptCatalogGrpcService(ScriptCatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public Uni<DescribeScriptResponse> describeScript(DescribeScriptRequest request) {
        return Uni.createFrom()
                .completionStage(() -> catalog.describe(request.getRealm(), request.getName(), request.getVersion()))
                .map(found -> found.map(ScriptCatalogGrpcService::toResponse)
                        .orElseGet(DescribeScriptResponse::getDefaultInstance))
                .onFailure().transform(failure -> {
                    LOG.errorf("DescribeScript failed: %s", failure.toString());
                    return Status.UNAVAILABLE.withDescription("script catalog temporarily unavailable")
                            .asRuntimeException();
                });
    }

    private static DescribeScriptResponse toResponse(ScriptVersion script) {
        return DescribeScriptResponse.newBuilder()
                .setFound(true)
                .setName(script.name())
                .setVersion(script.version())
                .addAllOutcomes(script.outcomes())
                .build();
    }
}
