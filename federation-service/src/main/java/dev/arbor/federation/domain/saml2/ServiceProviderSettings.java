package dev.arbor.federation.domain.saml2;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Arbor does for one service provider, beyond what its metadata says.
 *
 * @param signResponse               sign the samlp:Response (RSA-SHA256, exclusive c14n)
 * @param signAssertion              sign the saml:Assertion; at least one of the two is always signed
 * @param encryption                 how the assertion is encrypted ({@link AssertionEncryption#NONE}: not)
 * @param nameIdFormat               the NameID format issued when the AuthnRequest asks for none (or unspecified)
 * @param nameIdAttribute            the identity claim an email/unspecified NameID is taken from (e.g. {@code email});
 *                                   persistent and transient NameIDs are generated
 * @param attributes                 the attributes released, in order
 * @param authnContextTrees          AuthnContextClassRef URI → tree that satisfies it (requested
 *                                   context → the tree run); the Assertion's AuthnContextClassRef is the one
 *                                   mapped to the session's {@code acr}, else
 *                                   {@code urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified}
 * @param requireSignedAuthnRequests refuse AuthnRequests (and LogoutRequests) that are not signed by a key of the metadata
 * @param allowIdpInitiated          IdP-initiated SSO ({@code /saml2/sso/init}) may send unsolicited responses to it
 */
public record ServiceProviderSettings(boolean signResponse, boolean signAssertion, AssertionEncryption encryption,
                                      NameIdFormat nameIdFormat, String nameIdAttribute,
                                      List<AttributeRelease> attributes, Map<String, String> authnContextTrees,
                                      boolean requireSignedAuthnRequests, boolean allowIdpInitiated) {

    /** Sign the assertion, encrypt nothing, persistent NameIDs, release nothing, require signed requests. */
    public static final ServiceProviderSettings DEFAULTS = new ServiceProviderSettings(false, true,
            AssertionEncryption.NONE, NameIdFormat.PERSISTENT, "email", List.of(), Map.of(), true, false);

    public ServiceProviderSettings {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        if (!signResponse && !signAssertion) {
            throw new IllegalArgumentException("a response or its assertion must be signed");
        }
        attributes = List.copyOf(attributes);
        authnContextTrees = Map.copyOf(authnContextTrees);
    }
}
