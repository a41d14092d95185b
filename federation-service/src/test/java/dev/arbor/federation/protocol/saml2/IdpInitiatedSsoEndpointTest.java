package dev.arbor.federation.protocol.saml2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The link's parameters (SAML Profiles §4.1.5 leaves them to the IdP) and the ACS choice, without HTTP. */
class IdpInitiatedSsoEndpointTest {

    @Test
    void parseDecodesEachParameterOnceAndIgnoresOthers() {
        var init = IdpInitiatedSsoEndpoint.parse("sp=https%3A%2F%2Fsp.example%2Fm&RelayState=a+b%26c%F0%9F%98%80&acs=2&x=1&x=2");

        assertEquals("https://sp.example/m", init.sp());
        assertEquals("a b&c😀", init.relayState());
        assertEquals(2, init.acsIndex());
        assertNull(IdpInitiatedSsoEndpoint.parse("sp=s").relayState());
        assertNull(IdpInitiatedSsoEndpoint.parse("sp=s").acsIndex());
    }

    @Test
    void parseRefusesWhatCannotBeTrusted() {
        for (String query : new String[] {null, "", "RelayState=x", "sp=", "sp=a&sp=a", "sp=a&RelayState=1&RelayState=1",
                "sp=a&acs=1&acs=2", "sp=a&acs=x", "sp=a&acs=-1", "sp=a&acs=1234567890", "sp=%ZZ", "sp=a&RelayState=%E",
                "sp=a&RelayState=" + "x".repeat(81)}) {
            assertThrows(InvalidSamlRequest.class, () -> IdpInitiatedSsoEndpoint.parse(query), String.valueOf(query));
        }
        assertEquals(80, IdpInitiatedSsoEndpoint.parse("sp=a&RelayState=" + "x".repeat(80)).relayState().length());
    }

    @Test
    void theAcsIsTheDefaultPostOneOrThePostOneWithTheIndexNeverAnotherBinding() {
        ServiceProvider sp = TestServiceProviders.sp(); // POST 0 default, Artifact 1, POST 2
        ServiceProvider artifactDefault = new ServiceProvider("demo", "e", null, List.of(
                new SamlEndpoint(SamlBinding.HTTP_ARTIFACT, TestServiceProviders.ARTIFACT_ACS, 0, true, null),
                new SamlEndpoint(SamlBinding.HTTP_POST, TestServiceProviders.OTHER_ACS, 3, false, null)),
                List.of(), List.of(), List.of(), false, TestServiceProviders.settings(), "");

        assertEquals(TestServiceProviders.ACS, IdpInitiatedSsoEndpoint.postAcs(sp, null).orElseThrow().location());
        assertEquals(TestServiceProviders.OTHER_ACS, IdpInitiatedSsoEndpoint.postAcs(sp, 2).orElseThrow().location());
        assertEquals(true, IdpInitiatedSsoEndpoint.postAcs(sp, 1).isEmpty());
        assertEquals(true, IdpInitiatedSsoEndpoint.postAcs(sp, 9).isEmpty());
        assertEquals(TestServiceProviders.OTHER_ACS,
                IdpInitiatedSsoEndpoint.postAcs(artifactDefault, null).orElseThrow().location());
    }
}
