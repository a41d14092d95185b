package dev.arbor.authtree.fake;

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/** A fake of federation's LoginFlowService PEER: two known flows of realm {@code test}. */
@GrpcService
public class FakeFederation implements LoginFlowService {
    public static final String FLOW = "flow-1";
    public static final String RESUME_URL = "http://localhost:8080/realms/test/oauth2/authorize/resume?flow=flow-1";
    public static final String PASSWORD_FIRST_FLOW = "flow-2";

    private static final Map<String, GetLoginFlowResponse> FLOWS = Map.of(
            FLOW, GetLoginFlowResponse.newBuilder().setFound(true).setClientId("test-spa").setTree("")
                    .setResumeUrl(RESUME_URL).build(),
            PASSWORD_FIRST_FLOW, GetLoginFlowResponse.newBuilder().setFound(true).setClientId("test-spa")
                    .setTree("password-first").setResumeUrl(RESUME_URL).build());

    @Override
    public Uni<GetLoginFlowResponse> getLoginFlow(GetLoginFlowRequest request) {
        GetLoginFlowResponse flow = "test".equals(request.getRealm()) ? FLOWS.get(request.getFlowId()) : null;
        return Uni.createFrom().item(flow != null ? flow : GetLoginFlowResponse.newBuilder().setFound(false).build());
    }
}
