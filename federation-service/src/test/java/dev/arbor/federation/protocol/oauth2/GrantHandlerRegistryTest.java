package dev.arbor.federation.protocol.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantHandlerRegistryTest {

    private static GrantHandler handler(String grantType) {
        return new GrantHandler() {
            @Override
            public String grantType() {
                return grantType;
            }

            @Override
            public Uni<TokenResponse> handle(TokenRequest request) {
                return Uni.createFrom().nullItem();
            }
        };
    }

    @Test
    void twoHandlersForOneGrantTypeFailStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new GrantHandlerRegistry(
                List.of(handler("client_credentials"), handler("authorization_code"), handler("client_credentials"))));
        assertTrue(e.getMessage().contains("client_credentials"));
    }

    @Test
    void handlersAreFoundByGrantTypeAndListedSorted() {
        GrantHandlerRegistry registry = new GrantHandlerRegistry(
                List.of(handler("client_credentials"), handler("authorization_code")));

        assertEquals(List.of("authorization_code", "client_credentials"), registry.grantTypes());
        assertTrue(registry.find("authorization_code").isPresent());
        assertTrue(registry.find("password").isEmpty());
        assertTrue(registry.find(null).isEmpty());
    }
}
