package dev.arbor.authtree.adapter.out.grpc;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.journey.LoginFlow;
import dev.arbor.authtree.port.LoginFlowGateway;
import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowServiceGrpc;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Login flows through federation {@code LoginFlowService.GetLoginFlow}. */
@ApplicationScoped
public class FederationLoginFlowGateway implements LoginFlowGateway {
    private final LoginFlowServiceGrpc.LoginFlowServiceBlockingStub stub;
    private final Duration timeout;

    public FederationLoginFlowGateway(@GrpcClient("federation") LoginFlowServiceGrpc.LoginFlowServiceBlockingStub stub,
            ArborConfig config) {
        this.stub = stub;
        this.timeout = config.authtree().peerTimeout();
    }

    @Override
    public Optional<LoginFlow> find(String realm, String flowId) {
        GetLoginFlowResponse response = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm(realm).setFlowId(flowId).build());
        if (!response.getFound()) {
            return Optional.empty();
        }
        return Optional.of(new LoginFlow(flowId, response.getTree(), response.getResumeUrl()));
    }
}
