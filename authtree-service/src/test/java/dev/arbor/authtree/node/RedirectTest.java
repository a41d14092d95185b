package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTest {
    private final Redirect node = new Redirect();

    private static NodeContext ctx(Map<String, Object> config, List<Callback> answered) {
        return new NodeContext("demo", "away", config, new NodeState(Map.of()), answered);
    }

    @Test
    void givenAnHttpsUrlWhenEnteredThenTheStepIsARedirectCallbackWithUrlAndMethod() {
        Action action = node.process(ctx(Map.of("url", "https://idp.example.com/start?x=1"), List.of()));

        Callback sent = assertInstanceOf(Action.SendCallbacks.class, action).callbacks().getFirst();
        assertEquals("RedirectCallback", sent.type());
        assertEquals(List.of(new Callback.Field("redirectUrl", "https://idp.example.com/start?x=1"),
                new Callback.Field("redirectMethod", "GET"), new Callback.Field("trackingCookie", "false")),
                sent.output());
    }

    @Test
    void givenTheSavedStepPostedBackWhenTheBrowserReturnedThenNext() {
        Action action = node.process(ctx(Map.of("url", "/ui/"), List.of(new Callback("RedirectCallback", List.of(), null))));

        assertEquals(Action.goTo("next"), action);
    }

    @Test
    void givenAStepWithoutTheRedirectCallbackWhenPostedThenMissingInput() {
        assertThrows(MissingInputException.class, () -> node.process(ctx(Map.of("url", "/ui/"),
                List.of(new Callback("NameCallback", List.of(), "x")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://idp.example.com/", "javascript:alert(1)", "//evil.example.com/", "ftp://x/",
            "https://user@evil.example.com/", "", "/\\\\evil.example.com"})
    void givenAUrlThatCouldLeadAnywhereWhenConfiguredThenAConfigProblem(String url) {
        List<String> problems = node.configProblems(Map.of("url", url));

        assertTrue(problems.stream().anyMatch(p -> p.contains("'url'")), url + " -> " + problems);
    }

    @Test
    void givenAnUnknownMethodWhenConfiguredThenAConfigProblem() {
        assertTrue(node.configProblems(Map.of("url", "/ui/", "method", "PUT")).stream().anyMatch(p -> p.contains("'method'")));
    }
}
