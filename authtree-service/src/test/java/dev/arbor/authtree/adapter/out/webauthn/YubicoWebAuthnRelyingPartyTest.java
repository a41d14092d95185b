package dev.arbor.authtree.adapter.out.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.AssertionOutcome;
import dev.arbor.authtree.domain.webauthn.CeremonyStart;
import dev.arbor.authtree.domain.webauthn.MalformedCredentialException;
import dev.arbor.authtree.domain.webauthn.RegistrationOutcome;
import dev.arbor.authtree.domain.webauthn.RelyingPartySettings;
import dev.arbor.authtree.domain.webauthn.WebAuthnRequirement;
import dev.arbor.authtree.support.InMemoryWebAuthnCredentials;
import dev.arbor.authtree.support.SoftwareAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The yubico-backed relying party against a software authenticator: the W-list checks that need no browser
 * (W2–W4, W8–W16). Given/When/Then; every refusal is asserted as a {@code Rejected} outcome and, where it
 * matters, as nothing stored.
 */
class YubicoWebAuthnRelyingPartyTest {
    private static final String REALM = "r";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final InMemoryPorts identities = new InMemoryPorts();
    private final InMemoryWebAuthnCredentials store = new InMemoryWebAuthnCredentials();
    private final YubicoWebAuthnRelyingParty rp = new YubicoWebAuthnRelyingParty(store, identities,
            realm -> new RelyingPartySettings("localhost", "Arbor Test", List.of("http://localhost:8080")),
            Clock.systemUTC());
    private final Identity alice = identity("alice");
    private final Identity bob = identity("bob");

    private Identity identity(String username) {
        Identity identity = new Identity(UUID.randomUUID(), REALM, username, "x", Map.of("name", username));
        identities.save(identity);
        return identity;
    }

    private static String challenge(CeremonyStart start) {
        return (String) start.publicKey().get("challenge");
    }

    @SuppressWarnings("unchecked")
    private static String userId(CeremonyStart start) {
        return (String) ((Map<String, Object>) start.publicKey().get("user")).get("id");
    }

    private RegistrationOutcome register(Identity identity, SoftwareAuthenticator authenticator,
            WebAuthnRequirement userVerification) {
        CeremonyStart start = rp.startRegistration(identity, userVerification, WebAuthnRequirement.REQUIRED, TIMEOUT);
        return rp.finishRegistration(identity, start.requestJson(), authenticator.register(challenge(start), userId(start)));
    }

    private SoftwareAuthenticator registered(Identity identity) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertInstanceOf(RegistrationOutcome.Registered.class, register(identity, authenticator,
                WebAuthnRequirement.REQUIRED));
        return authenticator;
    }

    private AssertionOutcome authenticate(SoftwareAuthenticator authenticator, WebAuthnRequirement uv) {
        CeremonyStart start = rp.startAuthentication(REALM, Optional.empty(), uv, TIMEOUT);
        return rp.finishAuthentication(REALM, start.requestJson(), authenticator.assertion(challenge(start)));
    }

    @Test
    void creationOptionsAreTheL3JsonFormWithTheRealmsRpAndTheUserHandle() {
        CeremonyStart start = rp.startRegistration(alice, WebAuthnRequirement.REQUIRED, WebAuthnRequirement.REQUIRED,
                TIMEOUT);

        assertEquals(Map.of("id", "localhost", "name", "Arbor Test"), start.publicKey().get("rp"));
        assertTrue(challenge(start).matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");
        assertEquals(22, userId(start).length(), "16-byte user handle, base64url");
        assertEquals(Map.of("residentKey", "required", "requireResidentKey", true, "userVerification", "required"),
                start.publicKey().get("authenticatorSelection"));
        assertEquals(120000, ((Number) start.publicKey().get("timeout")).intValue());
        assertTrue(start.requestJson().contains(challenge(start)), "the server keeps the challenge");
    }

    @Test
    void w1RegisteredPasskeyAuthenticatesUsernamelessAsItsAccount() {
        SoftwareAuthenticator authenticator = registered(alice);

        AssertionOutcome outcome = authenticate(authenticator, WebAuthnRequirement.REQUIRED);

        AssertionOutcome.Verified verified = assertInstanceOf(AssertionOutcome.Verified.class, outcome);
        assertEquals(alice.id(), verified.subject());
        assertEquals("alice", verified.username());
        assertTrue(verified.userVerified());
        assertEquals(1, store.find(REALM, store.credentials.getFirst().credentialId()).orElseThrow().signCount());
    }

    @Test
    void namedAuthenticationListsOnlyTheAccountsCredentials() {
        SoftwareAuthenticator aliceKey = registered(alice);
        registered(bob);

        CeremonyStart start = rp.startAuthentication(REALM, Optional.of(alice), WebAuthnRequirement.PREFERRED, TIMEOUT);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allowed = (List<Map<String, Object>>) start.publicKey().get("allowCredentials");
        assertEquals(1, allowed.size());
        assertEquals(aliceKey.credentialIdBase64Url(), allowed.getFirst().get("id"));
        assertEquals(List.of("internal"), allowed.getFirst().get("transports"));
    }

    @Test
    void usernamelessRequestHasNoAllowCredentials() {
        registered(alice);

        CeremonyStart start = rp.startAuthentication(REALM, Optional.empty(), WebAuthnRequirement.REQUIRED, TIMEOUT);

        Object allowed = start.publicKey().get("allowCredentials");
        assertTrue(allowed == null || ((List<?>) allowed).isEmpty(), String.valueOf(allowed));
        assertEquals("localhost", start.publicKey().get("rpId"));
    }

    @Test
    void w2BogusSignatureIsRejected() {
        SoftwareAuthenticator authenticator = registered(alice);
        authenticator.bogusSignature = true;

        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w3MissingUserPresenceIsRejectedInRegistrationAndAuthentication() {
        SoftwareAuthenticator noPresence = new SoftwareAuthenticator();
        noPresence.flags = SoftwareAuthenticator.UV;
        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, noPresence, WebAuthnRequirement.PREFERRED));
        assertTrue(store.credentials.isEmpty());

        SoftwareAuthenticator authenticator = registered(alice);
        authenticator.flags = SoftwareAuthenticator.UV;
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w4MissingUserVerificationIsRejectedWhenRequiredAndAcceptedWhenPreferred() {
        SoftwareAuthenticator noUv = new SoftwareAuthenticator();
        noUv.flags = SoftwareAuthenticator.UP;
        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, noUv, WebAuthnRequirement.REQUIRED));
        assertInstanceOf(RegistrationOutcome.Registered.class, register(alice, noUv, WebAuthnRequirement.PREFERRED));

        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(noUv, WebAuthnRequirement.REQUIRED));
        AssertionOutcome.Verified verified = assertInstanceOf(AssertionOutcome.Verified.class,
                authenticate(noUv, WebAuthnRequirement.PREFERRED));
        assertFalse(verified.userVerified());
    }

    @Test
    void w8UnlistedOriginAndSwappedCeremonyTypeAreRejected() {
        SoftwareAuthenticator evil = new SoftwareAuthenticator();
        evil.origin = "http://localhost:8081";
        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, evil, WebAuthnRequirement.PREFERRED));
        SoftwareAuthenticator swapped = new SoftwareAuthenticator();
        swapped.createType = "webauthn.get";
        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, swapped, WebAuthnRequirement.PREFERRED));

        SoftwareAuthenticator authenticator = registered(alice);
        authenticator.origin = "https://evil.example";
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
        authenticator.origin = "http://localhost:8080";
        authenticator.getType = "webauthn.create";
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w9RpIdHashOfAnotherRpIsRejected() {
        SoftwareAuthenticator other = new SoftwareAuthenticator();
        other.rpId = "example.com";
        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, other, WebAuthnRequirement.PREFERRED));

        SoftwareAuthenticator authenticator = registered(alice);
        authenticator.rpId = "127.0.0.1";
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w10SameCredentialIdForASecondUserIsRejected() {
        SoftwareAuthenticator authenticator = registered(alice);

        RegistrationOutcome again = register(bob, authenticator, WebAuthnRequirement.REQUIRED);

        assertInstanceOf(RegistrationOutcome.Rejected.class, again);
        assertEquals(1, store.credentials.size());
        assertEquals(alice.id(), store.credentials.getFirst().subject());
    }

    @Test
    void w11CredentialIdLongerThan1023BytesIsRejected() {
        assertInstanceOf(RegistrationOutcome.Rejected.class,
                register(alice, new SoftwareAuthenticator(1024), WebAuthnRequirement.PREFERRED));
        assertTrue(store.credentials.isEmpty());
        assertInstanceOf(RegistrationOutcome.Registered.class,
                register(alice, new SoftwareAuthenticator(1023), WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w12CounterRegressionIsVerifiedButFlaggedAndStoredAsSuch() {
        SoftwareAuthenticator authenticator = registered(alice);
        authenticate(authenticator, WebAuthnRequirement.PREFERRED);
        authenticate(authenticator, WebAuthnRequirement.PREFERRED); // stored counter now 2
        SoftwareAuthenticator clone = authenticator.cloneWithCounter(0); // its next assertion carries 1

        AssertionOutcome.Verified verified = assertInstanceOf(AssertionOutcome.Verified.class,
                authenticate(clone, WebAuthnRequirement.PREFERRED));

        assertTrue(verified.signCountRegressed());
        assertTrue(store.credentials.getFirst().signCountRegressed(), "the credential is flagged");
        assertEquals(2, store.credentials.getFirst().signCount(), "the counter never goes back");
    }

    @Test
    void w13UsernamelessAssertionWithoutUserHandleOrWithAnotherAccountsIsRejected() {
        SoftwareAuthenticator authenticator = registered(alice);
        byte[] aliceHandle = authenticator.userHandle;
        authenticator.userHandle = null;
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));

        SoftwareAuthenticator bobKey = registered(bob);
        authenticator.userHandle = bobKey.userHandle;
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));

        authenticator.userHandle = aliceHandle;
        assertInstanceOf(AssertionOutcome.Verified.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w14BackupStateWithoutEligibilityAndEligibilityChangesAreRejected() {
        SoftwareAuthenticator bsWithoutBe = new SoftwareAuthenticator();
        bsWithoutBe.flags = SoftwareAuthenticator.UP | SoftwareAuthenticator.UV | SoftwareAuthenticator.BS;
        // yubico refuses such authenticator data while parsing it: bad input (a 400 in the journey), nothing stored
        assertThrows(MalformedCredentialException.class,
                () -> register(alice, bsWithoutBe, WebAuthnRequirement.PREFERRED));
        assertTrue(store.credentials.isEmpty());

        SoftwareAuthenticator synced = new SoftwareAuthenticator();
        synced.flags = SoftwareAuthenticator.UP | SoftwareAuthenticator.UV | SoftwareAuthenticator.BE
                | SoftwareAuthenticator.BS;
        assertInstanceOf(RegistrationOutcome.Registered.class, register(alice, synced, WebAuthnRequirement.PREFERRED));
        synced.flags = SoftwareAuthenticator.UP | SoftwareAuthenticator.UV;
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(synced, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void w15AlgorithmNotOfferedInPubKeyCredParamsIsRejected() {
        SoftwareAuthenticator es256k = new SoftwareAuthenticator();
        es256k.coseAlg = -47;

        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, es256k, WebAuthnRequirement.PREFERRED));
        assertTrue(store.credentials.isEmpty());
    }

    @Test
    void w16CrossOriginCeremonyIsRejected() {
        SoftwareAuthenticator framed = new SoftwareAuthenticator();
        framed.crossOrigin = true;
        assertInstanceOf(RegistrationOutcome.Rejected.class, register(alice, framed, WebAuthnRequirement.PREFERRED));

        SoftwareAuthenticator authenticator = registered(alice);
        authenticator.crossOrigin = true;
        assertInstanceOf(AssertionOutcome.Rejected.class, authenticate(authenticator, WebAuthnRequirement.PREFERRED));
    }

    @Test
    void notWebAuthnJsonIsMalformedInputNotAnOutcome() {
        CeremonyStart start = rp.startRegistration(alice, WebAuthnRequirement.PREFERRED, WebAuthnRequirement.REQUIRED,
                TIMEOUT);
        assertThrows(MalformedCredentialException.class, () -> rp.finishRegistration(alice, start.requestJson(), "{"));
        assertThrows(MalformedCredentialException.class,
                () -> rp.finishRegistration(alice, start.requestJson(), "{\"id\":42}"));
        CeremonyStart get = rp.startAuthentication(REALM, Optional.empty(), WebAuthnRequirement.PREFERRED, TIMEOUT);
        assertThrows(MalformedCredentialException.class, () -> rp.finishAuthentication(REALM, get.requestJson(), "[]"));
    }
}
