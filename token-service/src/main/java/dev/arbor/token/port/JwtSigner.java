package dev.arbor.token.port;

import dev.arbor.token.domain.key.SigningKey;
import java.util.Map;

/** Turns claims into a signed JWT (RFC 7519, JWS compact serialization RFC 7515 §7.1). */
public interface JwtSigner {

    /**
     * @param typ the JOSE {@code typ} header (RFC 7515 §4.1.9), e.g. {@code at+jwt}
     * @return the compact JWS with {@code kid} and {@code alg} from {@code key} in its header
     */
    String sign(SigningKey key, String typ, Map<String, Object> claims);
}
