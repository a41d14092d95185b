package dev.arbor.token.domain.code;

/** A freshly issued authorization code (RFC 6749 §4.1.2) and its lifetime in seconds. */
public record IssuedCode(String code, long expiresIn) {

    @Override
    public String toString() {
        return "IssuedCode[expiresIn=" + expiresIn + "]";
    }
}
