package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code util}: encodings and digests a script cannot write well itself. Strings are UTF-8;
 * base64url is RFC 4648 §5 without padding; digests are lower-case hex. Stateless: one instance is
 * shared by every run.
 */
public final class UtilApi {
    static final int MAX_INPUT = 65_536;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** {@code util.base64urlEncode("text")}. */
    @HostAccess.Export
    public String base64urlEncode(Value text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(text, "util.base64urlEncode"));
    }

    /** {@code util.base64urlDecode("dGV4dA")}: padding optional; what it decodes to must be UTF-8 text. */
    @HostAccess.Export
    public String base64urlDecode(Value encoded) {
        String text = string(encoded, "util.base64urlDecode");
        try {
            byte[] raw = Base64.getUrlDecoder().decode(text);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException e) {
            throw new ScriptApiException("util.base64urlDecode: not base64url");
        } catch (CharacterCodingException e) {
            throw new ScriptApiException("util.base64urlDecode: the decoded bytes are not UTF-8 text");
        }
    }

    /** {@code util.sha256("text")}: SHA-256 (FIPS 180-4) as hex. */
    @HostAccess.Export
    public String sha256(Value text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(text, "util.sha256")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code util.hmacSha256(key, data)}: HMAC-SHA-256 (RFC 2104) of data under the key's UTF-8 bytes, as hex. */
    @HostAccess.Export
    public String hmacSha256(Value key, Value data) {
        byte[] keyBytes = bytes(key, "util.hmacSha256 key");
        if (keyBytes.length == 0) {
            throw new ScriptApiException("util.hmacSha256: key must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(bytes(data, "util.hmacSha256 data")));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code util.randomId()}: 128 random bits (SecureRandom), base64url, 22 characters. */
    @HostAccess.Export
    public String randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static byte[] bytes(Value value, String call) {
        return string(value, call).getBytes(StandardCharsets.UTF_8);
    }

    private static String string(Value value, String call) {
        if (value == null || !value.isString()) {
            throw new ScriptApiException(call + ": argument must be a string");
        }
        String text = value.asString();
        if (text.length() > MAX_INPUT) {
            throw new ScriptApiException(call + ": argument is longer than " + MAX_INPUT + " characters");
        }
        return text;
    }
}
