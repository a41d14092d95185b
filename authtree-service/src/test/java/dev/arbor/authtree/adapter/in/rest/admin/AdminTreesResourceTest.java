package dev.arbor.authtree.adapter.in.rest.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.adapter.in.startup.RealmImportOnStartup;
import dev.arbor.authtree.fake.FakeTokenService;
import dev.arbor.authtree.port.TreeRepository;
import dev.arbor.testing.AdminTokens;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The tree admin API against real PostgreSQL: authorization, drafts, publishing, deleting, and their refusals. */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AdminTreesResourceTest {
    static final String TREES = "/admin/realms/test/trees";
    static final String LOGIN_TREE = """
            {"start":"username","nodes":{
              "username":{"type":"UsernameCollector","outcomes":{"next":"password"}},
              "password":{"type":"PasswordCollector","outcomes":{"next":"check"}},
              "check":{"type":"DataStoreDecision","outcomes":{"true":"success","false":"failure"}}}}""";
    static final String PASSWORD_FIRST_TREE = """
            {"start":"password","nodes":{
              "password":{"type":"PasswordCollector","outcomes":{"next":"username"}},
              "username":{"type":"UsernameCollector","outcomes":{"next":"check"}},
              "check":{"type":"DataStoreDecision","outcomes":{"true":"success","false":"failure"}}}}""";

    @Inject
    RealmImportOnStartup importer;

    @Inject
    TreeRepository trees;

    static RequestSpecification admin() {
        return given().header("Authorization", AdminTokens.bearer());
    }

    static void publishTree(String name, String definition) {
        admin().contentType("application/json").body(definition).put(TREES + "/" + name).then().statusCode(200);
        admin().post(TREES + "/" + name + "/publish").then().statusCode(201);
    }

    @Test
    void withoutATokenIs401ProblemWithABearerChallenge() {
        given().get(TREES).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void forgedExpiredOrForeignRealmTokensAre401InvalidToken() {
        for (String token : new String[] {
                AdminTokens.token().signedWith(AdminTokens.FORGED).build(),
                AdminTokens.token().expiresIn(-120).build(),
                AdminTokens.token().issuer("http://localhost:8080/realms/test").build(),
                "not-a-jwt", "a.b.c"}) {
            given().header("Authorization", "Bearer " + token).get(TREES).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
        }
    }

    @Test
    void jwksIsFetchedOnceAndUnknownKeyIdsDoNotMakeEveryRequestRefetchIt() {
        admin().get(TREES).then().statusCode(200);
        int before = FakeTokenService.JWKS_CALLS.get();

        for (int i = 0; i < 5; i++) {
            admin().get(TREES).then().statusCode(200);
            given().header("Authorization", "Bearer " + AdminTokens.token().signedWith(AdminTokens.UNKNOWN_KID).build())
                    .get(TREES).then().statusCode(401);
        }

        assertTrue(FakeTokenService.JWKS_CALLS.get() - before <= 1, "at most one refetch per refetch interval");
    }

    @Test
    void tokenWithoutTheAdminScopeOrClientIs403InsufficientScope() {
        given().header("Authorization", "Bearer " + AdminTokens.token().scope("openid profile").build())
                .get(TREES).then().statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""));
        given().header("Authorization", "Bearer " + AdminTokens.token().clientId("test-spa").build())
                .get(TREES).then().statusCode(403);
    }

    @Test
    void listShowsTheYamlTreesWithTheDefault() {
        admin().get(TREES).then().statusCode(200)
                .body("trees.name", hasItems("login", "password-otp", "choice"))
                .body("trees.find { it.name == 'login' }.default", equalTo(true))
                .body("trees.find { it.name == 'choice' }.default", equalTo(false));
    }

    @Test
    void unknownRealmOrTreeOrVersionIs404Problem() {
        admin().get("/admin/realms/nope/trees").then().statusCode(404).contentType("application/problem+json");
        admin().get(TREES + "/nope").then().statusCode(404).contentType("application/problem+json");
        admin().get(TREES + "/login?version=99").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void getReturnsTheLatestOrTheAskedVersionAndABadVersionIs400() {
        admin().get(TREES + "/login").then().statusCode(200)
                .body("name", equalTo("login"))
                .body("version", equalTo(1))
                .body("default", equalTo(true))
                .body("definition.start", equalTo("username"))
                .body("definition.nodes.check.type", equalTo("DataStoreDecision"));
        admin().get(TREES + "/login?version=1").then().statusCode(200).body("version", equalTo(1));
        admin().get(TREES + "/login?version=abc").then().statusCode(400).contentType("application/problem+json");
        admin().get(TREES + "/login?version=0").then().statusCode(400);
    }

    @Test
    void invalidDraftIs400ListingEveryProblemAndNothingIsSaved() {
        String broken = """
                {"start":"a","nodes":{
                  "a":{"type":"UsernameCollector","outcomes":{}},
                  "b":{"type":"NoSuchNode","outcomes":{"next":"success"}},
                  "c":{"type":"AccountLockout","config":{"limit":"many"},"outcomes":{"unlocked":"success","locked":"nowhere"}}}}""";

        admin().contentType("application/json").body(broken).put(TREES + "/broken").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("problems", hasItems(
                        "tree 'broken': node 'a' (UsernameCollector) outcome 'next' is not wired to any node",
                        "tree 'broken': node 'b' has unknown type 'NoSuchNode'",
                        "tree 'broken': node 'c' outcome 'locked' is wired to unknown node 'nowhere'"))
                .body("problems.findAll { it.contains('bad config') }", hasSize(1));
        admin().get(TREES + "/broken/draft").then().statusCode(404);
    }

    @Test
    void unreachableNodeAndUnguardedLoopAreListedToo() {
        String loop = """
                {"start":"u","nodes":{
                  "u":{"type":"UsernameCollector","outcomes":{"next":"p"}},
                  "p":{"type":"PasswordCollector","outcomes":{"next":"u"}},
                  "orphan":{"type":"TextOutput","config":{"message":"hi"},"outcomes":{"next":"success"}}}}""";

        admin().contentType("application/json").body(loop).put(TREES + "/loop").then().statusCode(400)
                .body("problems", hasItem("tree 'loop': node 'orphan' is unreachable from start node 'u'"))
                .body("problems.findAll { it.contains('closes a loop') }", hasSize(1));
    }

    @Test
    void malformedBodiesAre400AndOtherContentTypes415NeverA500() {
        admin().contentType("application/json").body("{not json").put(TREES + "/x").then().statusCode(400)
                .contentType("application/problem+json");
        admin().contentType("application/json").body("[1,2]").put(TREES + "/x").then().statusCode(400);
        admin().contentType("application/json").body("{\"start\":\"a\",\"nodes\":{\"a\":null}}").put(TREES + "/x")
                .then().statusCode(400);
        admin().contentType("application/json").body("{\"start\":\"a\",\"nodes\":{\"a\":{\"outcomes\":{}}}}")
                .put(TREES + "/x").then().statusCode(400);
        admin().contentType("application/json").body("{\"start\":\"a\",\"nodes\":\"a\"}").put(TREES + "/x")
                .then().statusCode(400);
        admin().contentType("application/json").body("").put(TREES + "/x").then().statusCode(400);
        admin().contentType("text/plain").body(LOGIN_TREE).put(TREES + "/x").then().statusCode(415)
                .contentType("application/problem+json");
        admin().contentType("application/json").body(LOGIN_TREE).put(TREES + "/bad%20name!").then().statusCode(400);
        admin().contentType("application/json").body("{\"start\":\"" + "a".repeat(70_000) + "\"}")
                .put(TREES + "/x").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void publishWithoutADraftIs404() {
        admin().post(TREES + "/login/publish").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void draftIsPublishedAsVersion1ThenAnotherDraftAsVersion2AndVersion1StaysAsItWas() {
        admin().contentType("application/json").body(LOGIN_TREE).put(TREES + "/made-by-admin").then().statusCode(200)
                .body("draft", equalTo(true));
        admin().get(TREES).then().body("trees.find { it.name == 'made-by-admin' }.latestVersion", nullValue())
                .body("trees.find { it.name == 'made-by-admin' }.hasDraft", equalTo(true));
        admin().get(TREES + "/made-by-admin/draft").then().statusCode(200).body("definition.start", equalTo("username"));

        admin().post(TREES + "/made-by-admin/publish").then().statusCode(201)
                .header("Location", equalTo("/admin/realms/test/trees/made-by-admin?version=1"))
                .body("version", equalTo(1)).body("default", equalTo(false));
        admin().get(TREES + "/made-by-admin/draft").then().statusCode(404);

        publishTree("made-by-admin", PASSWORD_FIRST_TREE);

        admin().get(TREES + "/made-by-admin").then().body("version", equalTo(2))
                .body("definition.start", equalTo("password"));
        admin().get(TREES + "/made-by-admin?version=1").then().body("definition.start", equalTo("username"));
        admin().get(TREES).then().body("trees.find { it.name == 'made-by-admin' }.latestVersion", equalTo(2))
                .body("trees.find { it.name == 'made-by-admin' }.hasDraft", equalTo(false));
    }

    @Test
    void deletingTheDefaultTreeIs409AndAnotherTreeIs204ThenGone() {
        admin().delete(TREES + "/login").then().statusCode(409).contentType("application/problem+json");
        admin().get(TREES + "/login").then().statusCode(200);

        publishTree("to-delete", LOGIN_TREE);
        admin().delete(TREES + "/to-delete").then().statusCode(204);

        admin().get(TREES + "/to-delete").then().statusCode(404);
        admin().delete(TREES + "/to-delete").then().statusCode(404);
        given().post("/realms/test/authenticate?tree=to-delete").then().statusCode(404);
    }

    @Test
    void adminVersionOfAYamlTreeSurvivesAReimportOfTheUnchangedYaml() {
        publishTree("password-first", PASSWORD_FIRST_TREE);
        int published = trees.findLatest("test", "password-first").orElseThrow().version();

        importer.importAll();

        assertEquals(published, trees.findLatest("test", "password-first").orElseThrow().version());
    }
}
