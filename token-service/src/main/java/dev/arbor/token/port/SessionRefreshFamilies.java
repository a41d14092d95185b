package dev.arbor.token.port;

import dev.arbor.token.domain.refresh.RefreshTokenFamily;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The refresh-token families that carry on one SSO session (their {@code sid}). */
public interface SessionRefreshFamilies {

    /** The families of this realm's session that are not revoked yet (expired ones included). */
    CompletionStage<List<RefreshTokenFamily>> unrevokedFamiliesOf(String realm, String sessionId);
}
