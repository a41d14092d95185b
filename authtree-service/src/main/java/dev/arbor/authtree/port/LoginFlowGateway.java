package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.journey.LoginFlow;
import java.util.Optional;

/** Login flows in progress at federation (federation {@code LoginFlowService.GetLoginFlow}). */
public interface LoginFlowGateway {
    Optional<LoginFlow> find(String realm, String flowId);
}
