package dev.arbor.authtree.adapter.out.webauthn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.AssertionOutcome;
import dev.arbor.authtree.domain.webauthn.CeremonyStart;
import dev.arbor.authtree.domain.webauthn.MalformedCredentialException;
import dev.arbor.authtree.domain.webauthn.RegistrationOutcome;
import dev.arbor.authtree.domain.webauthn.RelyingPartySettings;
import dev.arbor.authtree.domain.webauthn.UserHandles;
import dev.arbor.authtree.domain.webauthn.WebAuthnCredential;
import dev.arbor.authtree.domain.webauthn.WebAuthnRequirement;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.WebAuthnCredentialStore;
import dev.arbor.authtree.port.WebAuthnRelyingParty;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The {@link WebAuthnRelyingParty} port on Yubico's java-webauthn-server (W3C WebAuthn L3 §7 verification
 * procedures: challenge, origin allow-list, RP ID hash, UP/UV flags, signature, algorithm, credential id
 * uniqueness). On top of it: the credential id length limit (§5.1, ≤ 1023 bytes, W11) and the backup flag rules
 * (§6.1.3: BS without BE, or BE changing after registration, is refused, W14). The signature counter is
 * compared but not enforced here: a regression flags the credential and the node's policy decides (§6.1.1, W12).
 */
public final class YubicoWebAuthnRelyingParty implements WebAuthnRelyingParty {
    private static final Logger LOG = Logger.getLogger(YubicoWebAuthnRelyingParty.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final WebAuthnCredentialStore store;
    private final IdentityRepository identities;
    private final Function<String, RelyingPartySettings> settings;
    private final Clock clock;

    public YubicoWebAuthnRelyingParty(WebAuthnCredentialStore store, IdentityRepository identities,
            Function<String, RelyingPartySettings> settings, Clock clock) {
        this.store = store;
        this.identities = identities;
        this.settings = settings;
        this.clock = clock;
    }

    private RelyingParty relyingParty(String realm) {
        RelyingPartySettings rp = settings.apply(realm);
        return RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(rp.rpId()).name(rp.rpName()).build())
                .credentialRepository(new RealmCredentialRepository(realm, store, identities))
                .origins(new HashSet<>(rp.origins()))
                .allowUntrustedAttestation(true) // attestation "none": no trust decision is made on attestation
                .validateSignatureCounter(false) // compared below, policy in the node
                .clock(clock)
                .build();
    }

    @Override
    public CeremonyStart startRegistration(Identity identity, WebAuthnRequirement userVerification,
            WebAuthnRequirement residentKey, Duration timeout) {
        UserIdentity user = UserIdentity.builder().name(identity.username())
                .displayName(identity.claims().getOrDefault("name", identity.username()))
                .id(new ByteArray(UserHandles.of(identity.id()))).build();
        PublicKeyCredentialCreationOptions options = relyingParty(identity.realm()).startRegistration(
                StartRegistrationOptions.builder().user(user)
                        .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                                .userVerification(UserVerificationRequirement.valueOf(userVerification.name()))
                                .residentKey(ResidentKeyRequirement.valueOf(residentKey.name()))
                                .build())
                        .timeout(timeout.toMillis())
                        .build());
        try {
            return new CeremonyStart(publicKey(options.toCredentialsCreateJson()), options.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing creation options failed", e);
        }
    }

    @Override
    public RegistrationOutcome finishRegistration(Identity identity, String requestJson, String credentialJson) {
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseRegistrationResponseJson(credentialJson);
        } catch (IOException | RuntimeException e) {
            throw new MalformedCredentialException("credential is not a PublicKeyCredential (registration) JSON");
        }
        if (credential.getId().size() > WebAuthnCredential.MAX_CREDENTIAL_ID_LENGTH) {
            return registrationRejected(identity, "credential id longer than 1023 bytes");
        }
        if (crossOrigin(credential.getResponse())) {
            return registrationRejected(identity, "cross-origin ceremony (clientDataJSON.crossOrigin)");
        }
        PublicKeyCredentialCreationOptions request;
        try {
            request = PublicKeyCredentialCreationOptions.fromJson(requestJson);
        } catch (JsonProcessingException e) {
            return registrationRejected(identity, "stored request unreadable");
        }
        if (!request.getUser().getId().equals(new ByteArray(UserHandles.of(identity.id())))) {
            return registrationRejected(identity, "request was issued for another account");
        }
        RegistrationResult result;
        try {
            result = relyingParty(identity.realm()).finishRegistration(
                    FinishRegistrationOptions.builder().request(request).response(credential).build());
        } catch (RegistrationFailedException | IllegalArgumentException e) {
            return registrationRejected(identity, e.getMessage());
        }
        if (result.isBackedUp() && !result.isBackupEligible()) {
            return registrationRejected(identity, "BS set without BE");
        }
        WebAuthnCredential record = new WebAuthnCredential(identity.realm(), result.getKeyId().getId().getBytes(),
                UserHandles.of(identity.id()), identity.id(), result.getPublicKeyCose().getBytes(),
                result.getSignatureCount(),
                credential.getResponse().getTransports().stream().map(AuthenticatorTransport::getId).toList(),
                result.isBackupEligible(), result.isBackedUp(), result.getAaguid().getBytes(), null, clock.instant(),
                null, false);
        if (!store.add(record)) {
            return registrationRejected(identity, "credential id already registered");
        }
        LOG.infof("realm %s: WebAuthn credential registered for %s", identity.realm(), identity.id());
        return new RegistrationOutcome.Registered(result.getKeyId().getId().getBase64Url(), result.isUserVerified());
    }

    @Override
    public CeremonyStart startAuthentication(String realm, Optional<Identity> identity,
            WebAuthnRequirement userVerification, Duration timeout) {
        StartAssertionOptions.StartAssertionOptionsBuilder options = StartAssertionOptions.builder()
                .userVerification(UserVerificationRequirement.valueOf(userVerification.name()))
                .timeout(timeout.toMillis());
        identity.ifPresent(i -> options.username(i.username()));
        AssertionRequest request = relyingParty(realm).startAssertion(options.build());
        try {
            return new CeremonyStart(publicKey(request.toCredentialsGetJson()), request.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing request options failed", e);
        }
    }

    @Override
    public AssertionOutcome finishAuthentication(String realm, String requestJson, String credentialJson) {
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseAssertionResponseJson(credentialJson);
        } catch (IOException | RuntimeException e) {
            throw new MalformedCredentialException("credential is not a PublicKeyCredential (assertion) JSON");
        }
        if (crossOrigin(credential.getResponse())) {
            return assertionRejected(realm, "cross-origin ceremony (clientDataJSON.crossOrigin)");
        }
        AssertionRequest request;
        try {
            request = AssertionRequest.fromJson(requestJson);
        } catch (JsonProcessingException e) {
            return assertionRejected(realm, "stored request unreadable");
        }
        AssertionResult result;
        try {
            result = relyingParty(realm).finishAssertion(
                    FinishAssertionOptions.builder().request(request).response(credential).build());
        } catch (AssertionFailedException | IllegalArgumentException e) {
            return assertionRejected(realm, e.getMessage());
        }
        if (!result.isSuccess()) {
            return assertionRejected(realm, "assertion not successful");
        }
        byte[] credentialId = result.getCredential().getCredentialId().getBytes();
        Optional<WebAuthnCredential> stored = store.find(realm, credentialId);
        if (stored.isEmpty()) {
            return assertionRejected(realm, "credential vanished");
        }
        if (result.isBackedUp() && !result.isBackupEligible()) {
            return assertionRejected(realm, "BS set without BE");
        }
        if (result.isBackupEligible() != stored.get().backupEligible()) {
            return assertionRejected(realm, "BE changed since registration");
        }
        Optional<UUID> subject = UserHandles.subject(result.getCredential().getUserHandle().getBytes());
        Optional<Identity> identity = subject.flatMap(s -> identities.findById(realm, s));
        if (identity.isEmpty()) {
            return assertionRejected(realm, "user handle names no account");
        }
        boolean regressed = !result.isSignatureCounterValid();
        if (regressed) {
            LOG.warnf("realm %s: WebAuthn signature counter of a credential of %s did not increase (stored %d, got %d);"
                    + " credential flagged as possibly cloned", realm, identity.get().id(),
                    stored.get().signCount(), result.getSignatureCount());
        }
        store.recordUse(realm, credentialId, result.getSignatureCount(), result.isBackedUp(), regressed,
                clock.instant());
        return new AssertionOutcome.Verified(identity.get().id(), identity.get().username(),
                result.getCredential().getCredentialId().getBase64Url(), result.isUserVerified(), regressed);
    }

    @Override
    public boolean hasCredentials(Identity identity) {
        return !store.findBySubject(identity.realm(), identity.id()).isEmpty();
    }

    /**
     * L3 §7.1 step 9 / §7.2 step 13: Arbor's login pages are never framed by another origin, so a ceremony run
     * in a cross-origin iframe ({@code crossOrigin: true}, or a {@code topOrigin}) is refused (W16).
     */
    private static boolean crossOrigin(AuthenticatorResponse response) {
        try {
            JsonNode clientData = JSON.readTree(response.getClientDataJSON().getBytes());
            return clientData.path("crossOrigin").asBoolean(false) || clientData.hasNonNull("topOrigin");
        } catch (IOException e) {
            return true;
        }
    }

    /** The inner {@code publicKey} member of yubico's {@code {"publicKey": {...}}} browser JSON, as plain values. */
    private static Map<String, Object> publicKey(String credentialsJson) throws JsonProcessingException {
        return JSON.convertValue(JSON.readTree(credentialsJson).get("publicKey"), OBJECT);
    }

    /** yubico's reasons may quote client data (an origin, a type): one line, bounded, for the log only. */
    private static String loggable(String reason) {
        String line = String.valueOf(reason).replaceAll("\\p{Cntrl}", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static RegistrationOutcome registrationRejected(Identity identity, String reason) {
        LOG.infof("realm %s: WebAuthn registration for %s refused: %s", identity.realm(), identity.id(),
                loggable(reason));
        return new RegistrationOutcome.Rejected(reason);
    }

    private static AssertionOutcome assertionRejected(String realm, String reason) {
        LOG.infof("realm %s: WebAuthn assertion refused: %s", realm, loggable(reason));
        return new AssertionOutcome.Rejected(reason);
    }
}
