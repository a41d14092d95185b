package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.TokenSigningAlgorithms;
import dev.arbor.federation.protocol.oauth2.JwksCache;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * RP-Initiated Logout 1.0 §2 — checks an {@code id_token_hint}: signed by this realm (its JWK Set, one
 * of Arbor's algorithms, never {@code none} or HMAC), {@code iss} this realm's issuer, typed as an ID
 * token (so an access or logout token is refused), with a {@code sub} and an {@code aud}. §4: "the OP
 * SHOULD accept ID Tokens ... when the RP ... expired" — so {@code exp} is not checked.
 * Anything else is {@link InvalidHint}.
 */
@ApplicationScoped
public class IdTokenHintVerifier {
    private static final int MAX_LENGTH = 16 * 1024;
    private static final AlgorithmConstraints ARBOR_ALGORITHMS = new AlgorithmConstraints(ConstraintType.PERMIT,
            TokenSigningAlgorithms.ALL.toArray(String[]::new));

    private final JwksCache jwks;
    private final RealmUrls urls;

    public IdTokenHintVerifier(JwksCache jwks, RealmUrls urls) {
        this.jwks = jwks;
        this.urls = urls;
    }

    /** Why a hint was refused; the message is safe to show. */
    public static final class InvalidHint extends RuntimeException {
        InvalidHint(String message) {
            super(message, null, false, false);
        }
    }

    public Uni<IdTokenHint> verify(String realm, String hint) {
        if (hint == null || hint.isEmpty() || hint.length() > MAX_LENGTH) {
            return Uni.createFrom().failure(new InvalidHint("The ID token hint is malformed."));
        }
        String kid;
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(hint);
            if (!(structure instanceof JsonWebSignature)) {
                return Uni.createFrom().failure(new InvalidHint("The ID token hint is not a signed JWT."));
            }
            kid = structure.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return Uni.createFrom().failure(new InvalidHint("The ID token hint is malformed."));
        }
        String issuer = urls.issuer(realm);
        return jwks.keysFor(realm, kid).map(keys -> check(hint, issuer,
                new JwksVerificationKeyResolver(keys.getJsonWebKeys())));
    }

    private static IdTokenHint check(String hint, String issuer, JwksVerificationKeyResolver keys) {
        JwtContext context;
        try {
            // the signature is verified; the claims are checked below, without exp (an expired hint is fine)
            context = new JwtConsumerBuilder()
                    .setSkipAllValidators()
                    .setJwsAlgorithmConstraints(ARBOR_ALGORITHMS)
                    .setVerificationKeyResolver(keys)
                    .build()
                    .process(hint);
        } catch (InvalidJwtException e) {
            throw new InvalidHint("The ID token hint was not issued by this realm.");
        }
        String typ = context.getJoseObjects().getFirst().getHeader("typ");
        if (typ != null && !typ.equalsIgnoreCase("JWT")) {
            throw new InvalidHint("The ID token hint is not an ID token.");
        }
        JwtClaims claims = context.getJwtClaims();
        try {
            if (!issuer.equals(claims.getIssuer())) {
                throw new InvalidHint("The ID token hint was not issued by this realm.");
            }
            String subject = claims.getSubject();
            List<String> audiences = claims.getAudience();
            if (subject == null || subject.isEmpty() || audiences.isEmpty()) {
                throw new InvalidHint("The ID token hint lacks sub or aud.");
            }
            Object sid = claims.getClaimValue("sid");
            return new IdTokenHint(subject, sid instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty(),
                    audiences);
        } catch (MalformedClaimException e) {
            throw new InvalidHint("The ID token hint has malformed claims.");
        }
    }
}
