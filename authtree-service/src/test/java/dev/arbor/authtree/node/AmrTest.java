package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 8176 amr values: only a node that proved something, and only on its success outcome. */
class AmrTest {

    @Test
    void givenTheProvingOutcomeWhenAskedThenEachFactorNamesItsMethod() {
        assertEquals(Optional.of("pwd"), new DataStoreDecision(null, null).amr("true"));
        assertEquals(Optional.of("otp"), new TotpDecision(null, null).amr("true"));
        assertEquals(Optional.of("hwk"), new WebAuthnAuthentication(null, null, null).amr("true"));
    }

    @Test
    void givenAFailedOrNeutralOutcomeWhenAskedThenNothing() {
        assertEquals(Optional.empty(), new DataStoreDecision(null, null).amr("false"));
        assertEquals(Optional.empty(), new TotpDecision(null, null).amr("unregistered"));
        assertEquals(Optional.empty(), new WebAuthnAuthentication(null, null, null).amr("no_credentials"));
        assertEquals(Optional.empty(), new UsernameCollector().amr("next"));
    }
}
