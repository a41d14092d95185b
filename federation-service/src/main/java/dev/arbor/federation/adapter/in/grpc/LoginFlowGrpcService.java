package dev.arbor.federation.adapter.in.grpc;

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import dev.arbor.federation.domain.FlowIds;
import dev.arbor.federation.port.LoginFlowStore;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * authtree asks which tree a journey started for a login flow runs and where the browser goes
 * once it succeeds. An unknown flow, or one of another realm, is {@code found=false}.
 */
@GrpcService
public class LoginFlowGrpcService implements LoginFlowService {
    private static final GetLoginFlowResponse NOT_FOUND = GetLoginFlowResponse.newBuilder().setFound(false).build();

    private final LoginFlowStore flows;
    private final RealmUrls urls;

    public LoginFlowGrpcService(LoginFlowStore flows, RealmUrls urls) {
        this.flows = flows;
        this.urls = urls;
    }

    @Override
    public Uni<GetLoginFlowResponse> getLoginFlow(GetLoginFlowRequest request) {
        if (!FlowIds.isWellFormed(request.getFlowId())) {
            return Uni.createFrom().item(NOT_FOUND);
        }
        return flows.find(request.getFlowId()).map(found -> found
                .filter(flow -> flow.realm().equals(request.getRealm()))
                .map(flow -> GetLoginFlowResponse.newBuilder()
                        .setFound(true)
                        .setClientId(flow.clientId())
                        .setTree(flow.request().tree())
                        .setResumeUrl(urls.resumeUrl(flow.realm(), flow.id()))
                        .setForceLogin(flow.forceLogin())
                        .setLoginHint(orEmpty(flow.request().parameter("login_hint")))
                        .setUiLocales(orEmpty(flow.request().parameter("ui_locales")))
                        .build())
                .orElse(NOT_FOUND));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
