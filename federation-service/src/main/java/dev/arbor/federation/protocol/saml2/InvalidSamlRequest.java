package dev.arbor.federation.protocol.saml2;

/**
 * A request that cannot be trusted (not decodable, not signed as required, signed wrongly, stale,
 * for another destination, to an unregistered ACS): it is answered with an error page, never with a
 * Response to a URL it names. The message is for the log; the user sees a generic text.
 */
public final class InvalidSamlRequest extends RuntimeException {
    public InvalidSamlRequest(String message) {
        super(message, null, false, false);
    }
}
