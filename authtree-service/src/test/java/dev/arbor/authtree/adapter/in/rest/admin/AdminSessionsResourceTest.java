package dev.arbor.authtree.adapter.in.rest.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbor.authtree.fake.FakeSessionStore;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.testing.AdminTokens;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-user sessions admin API, against real PostgreSQL (identities) and the faked session-store peer. */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AdminSessionsResourceTest {
    private static final String ALICE = "/admin/realms/test/users/alice/sessions";
    private static final String BOB = "/admin/realms/test/users/bob/sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @GrpcService
    FakeSessionStore sessionStore;

    @Inject
    IdentityRepository identities;

    private String aliceSubject;
    private String bobSubject;

    @BeforeEach
    void noSessionsYet() {
        aliceSubject = identities.findByUsername("test", "alice").orElseThrow().id().toString();
        bobSubject = identities.findByUsername("test", "bob").orElseThrow().id().toString();
        for (String subject : List.of(aliceSubject, bobSubject)) {
            sessionStore.listSessions(ListSessionsRequest.newBuilder().setRealm("test").setSubject(subject).build())
                    .await().indefinitely().getSessionsList()
                    .forEach(s -> sessionStore.endSession(EndSessionRequest.newBuilder().setRealm("test")
                            .setId(s.getId()).setReason("logout").build()).await().indefinitely());
        }
    }

    static RequestSpecification admin() {
        return given().header("Authorization", AdminTokens.bearer());
    }

    @Test
    void listShowsTheUsersLiveSessionsByHandleAndNeverTheirIds() {
        Session first = create("test", aliceSubject, "login", List.of("pwd"));
        Session second = create("test", aliceSubject, "password-otp", List.of("pwd", "otp"));
        create("test", bobSubject, "login", List.of("pwd"));
        create("second", aliceSubject, "login", List.of("pwd"));

        String body = admin().get(ALICE).then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("$", hasSize(2))
                .body("find { it.handle == '" + handle(second.getId()) + "' }.acr", equalTo("password-otp"))
                .body("find { it.handle == '" + handle(second.getId()) + "' }.amr", equalTo(List.of("pwd", "otp")))
                .body("find { it.handle == '" + handle(first.getId()) + "' }.authTime",
                        equalTo(Instant.ofEpochSecond(first.getAuthTime()).toString()))
                .body("find { it.handle == '" + handle(first.getId()) + "' }.expiresAt",
                        equalTo(Instant.ofEpochSecond(first.getExpiresAt()).toString()))
                .extract().asString();

        assertFalse(body.contains(first.getId()) || body.contains(second.getId()), "a session id leaked: " + body);
        assertEquals(22, handle(first.getId()).length());
    }

    @Test
    void sessionOfARealJourneyIsListed() throws Exception {
        String path = "/realms/test/authenticate";
        String first = given().contentType("application/json").body("").post(path).then().statusCode(200)
                .extract().asString();
        String second = given().contentType("application/json").body(fill(first, "bob")).post(path).then()
                .statusCode(200).extract().asString();
        String cookie = given().contentType("application/json").body(fill(second, "Builder-2026")).post(path).then()
                .statusCode(200).extract().cookie("arbor_session");

        admin().get(BOB).then().statusCode(200)
                .body("handle", equalTo(List.of(handle(cookie))))
                .body("[0].acr", equalTo("login"));
    }

    @Test
    void deletingOneSessionByHandleEndsOnlyThatOneWithReasonAdmin() {
        Session kept = create("test", aliceSubject, "login", List.of("pwd"));
        Session ended = create("test", aliceSubject, "login", List.of("pwd"));

        admin().delete(ALICE + "/" + handle(ended.getId())).then().statusCode(204);

        assertTrue(sessionStore.ended().contains(
                new FakeSessionStore.EndedSession("test", ended.getId(), aliceSubject, "admin")));
        assertTrue(sessionStore.session(kept.getId()).isPresent());
        admin().get(ALICE).then().statusCode(200).body("handle", equalTo(List.of(handle(kept.getId()))));
        admin().delete(ALICE + "/" + handle(ended.getId())).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void aHandleOfAnotherUsersSessionIs404AndEndsNothing() {
        Session bobs = create("test", bobSubject, "login", List.of("pwd"));

        admin().delete(ALICE + "/" + handle(bobs.getId())).then().statusCode(404)
                .contentType("application/problem+json");
        admin().delete(ALICE + "/not-a-handle").then().statusCode(404).contentType("application/problem+json");

        assertTrue(sessionStore.session(bobs.getId()).isPresent());
    }

    @Test
    void deletingAllEndsEverySessionOfTheUserAndForgetsRememberedResults() {
        Session a = create("test", aliceSubject, "login", List.of("pwd"));
        Session b = create("test", aliceSubject, "login", List.of("pwd"));
        Session bobs = create("test", bobSubject, "login", List.of("pwd"));

        admin().delete(ALICE).then().statusCode(204);

        Set<String> endedByAdmin = sessionStore.ended().stream()
                .filter(e -> e.reason().equals("admin")).map(FakeSessionStore.EndedSession::id)
                .collect(Collectors.toSet());
        assertTrue(endedByAdmin.containsAll(Set.of(a.getId(), b.getId())));
        assertFalse(endedByAdmin.contains(bobs.getId()));
        assertTrue(sessionStore.forgetBefore("test", aliceSubject).isPresent());
        admin().get(ALICE).then().statusCode(200).body("$", hasSize(0));
        admin().get(BOB).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void unknownUserOrRealmIs404Problem() {
        admin().get("/admin/realms/test/users/nobody/sessions").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        admin().delete("/admin/realms/test/users/nobody/sessions").then().statusCode(404)
                .contentType("application/problem+json");
        admin().get("/admin/realms/nope/users/alice/sessions").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutAValidAdminTokenIs401AndWithoutTheAdminScopeIs403() {
        Session session = create("test", aliceSubject, "login", List.of("pwd"));

        given().get(ALICE).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().delete(ALICE).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + AdminTokens.token().signedWith(AdminTokens.FORGED).build())
                .delete(ALICE + "/" + handle(session.getId())).then().statusCode(401);
        given().header("Authorization", "Bearer " + AdminTokens.token().scope("openid profile").build())
                .get(ALICE).then().statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""));
        given().header("Authorization", "Bearer " + AdminTokens.token().clientId("test-spa").build())
                .delete(ALICE).then().statusCode(403);

        assertTrue(sessionStore.session(session.getId()).isPresent(), "a refused call ended the session");
    }

    private Session create(String realm, String subject, String acr, List<String> amr) {
        return sessionStore.createSession(CreateSessionRequest.newBuilder().setRealm(realm).setSubject(subject)
                .setAuthTime(Instant.now().getEpochSecond()).setAcr(acr).addAllAmr(amr).setTtlSeconds(3600)
                .build()).await().indefinitely();
    }

    /** The handle is the session's public sid: the sid claim of its tokens. */
    private static String handle(String sessionId) {
        return dev.arbor.contracts.session.SessionIds.sid(sessionId);
    }

    private static String fill(String step, String value) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(step);
        ((ObjectNode) root.get("callbacks").get(0).get("input").get(0)).put("value", value);
        return JSON.writeValueAsString(root);
    }
}
