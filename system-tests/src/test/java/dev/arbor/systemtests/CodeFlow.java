package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The OIDC authorization code flow with PKCE driven over HTTP, as the default UI drives it: the
 * authorize redirect, the journey steps of the login tree, the resume redirect carrying the code.
 */
final class CodeFlow {
    static final String CLIENT = "demo-spa";
    static final String REDIRECT_URI = "http://localhost:8080/ui/demo/";

    final Http http = new Http();
    final String verifier = randomToken();
    final String state = randomToken();
    final String nonce = randomToken();

    String authorizeUrl() {
        return "/realms/demo/oauth2/authorize?response_type=code&client_id=" + CLIENT
                + "&redirect_uri=" + Http.enc(REDIRECT_URI) + "&scope=" + Http.enc("openid profile email")
                + "&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
    }

    /** Runs the whole flow as alice; returns the authorization code. */
    String loginAndGetCode(String username, String password) {
        HttpResponse<String> authorize = http.get(authorizeUrl());
        assertEquals(303, authorize.statusCode(), authorize.body());
        String login = authorize.headers().firstValue("Location").orElseThrow();
        String flow = Http.query(ArborSuite.PUBLIC_URL + login.replace(ArborSuite.PUBLIC_URL, "")).get("flow");
        assertTrue(flow != null && !flow.isEmpty(), "login page URL carries the flow: " + login);

        HttpResponse<String> done = journey(flow, username, password);
        assertEquals(200, done.statusCode(), done.body());
        String successUrl = Http.json(done).get("successUrl").asText();

        HttpResponse<String> resume = http.get(successUrl);
        assertEquals(303, resume.statusCode(), resume.body());
        Map<String, String> callback = Http.query(resume.headers().firstValue("Location").orElseThrow());
        assertEquals(state, callback.get("state"));
        assertEquals(ArborSuite.PUBLIC_URL + "/realms/demo", callback.get("iss"));
        return callback.get("code");
    }

    /** Posts the journey steps of the login tree with the given credentials; returns the last answer. */
    HttpResponse<String> journey(String flow, String username, String password) {
        String url = "/realms/demo/authenticate" + (flow == null ? "" : "?flow=" + flow);
        HttpResponse<String> step = http.postJson(url, "");
        for (int i = 0; i < 5 && step.statusCode() == 200 && Http.json(step).has("authId"); i++) {
            JsonNode body = Http.json(step);
            for (JsonNode callback : body.get("callbacks")) {
                String type = callback.get("type").asText();
                String value = switch (type) {
                    case "NameCallback" -> username;
                    case "PasswordCallback" -> password;
                    default -> throw new AssertionError("unexpected callback " + type);
                };
                ((ObjectNode) callback.get("input").get(0)).put("value", value);
            }
            step = http.postJson(url, body.toString());
        }
        return step;
    }

    HttpResponse<String> redeem(String code, String codeVerifier) {
        return http.postForm("/realms/demo/oauth2/token", Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT_URI,
                "client_id", CLIENT,
                "code_verifier", codeVerifier), null);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
