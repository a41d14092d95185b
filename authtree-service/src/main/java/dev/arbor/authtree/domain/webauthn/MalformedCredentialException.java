package dev.arbor.authtree.domain.webauthn;

/**
 * The client's {@code credential} is not a {@code PublicKeyCredential} JSON document at all (bad input, a 400),
 * as opposed to a well-formed credential that fails verification (an outcome). The message is safe to return.
 */
public final class MalformedCredentialException extends RuntimeException {
    public MalformedCredentialException(String message) {
        super(message);
    }
}
