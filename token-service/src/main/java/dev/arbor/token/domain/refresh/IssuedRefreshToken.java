package dev.arbor.token.domain.refresh;

/**
 * A refresh token just issued: the opaque value (shown to the client once, never stored), its
 * family, and how many seconds it may stay unused.
 */
public record IssuedRefreshToken(String token, String familyId, long expiresIn) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[familyId=" + familyId + ", expiresIn=" + expiresIn + "]";
    }
}
