package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SAML service provider played by pysaml2 (Debian python3-pysaml2, verifying with xmlsec1) through
 * {@code src/test/resources/saml/pysaml2_sp.py}, whose docstring is the contract of each subcommand.
 * The SP's key pair ({@code sp.key}, {@code sp.crt}) and the IdP metadata are files of {@code dir}.
 *
 * @param dir the directory with the SP's key pair
 * @param entityId the SP's entity ID
 * @param acs its AssertionConsumerService (HTTP-POST); nothing needs to listen there
 * @param slo its SingleLogoutService (HTTP-Redirect and HTTP-POST)
 * @param idpMetadata Arbor's IdP metadata, saved to a file
 */
record Pysaml2Sp(Path dir, String entityId, String acs, String slo, Path idpMetadata) {
    static final String PYTHON = "/usr/bin/python3";
    static final Path DRIVER = Path.of("src/test/resources/saml/pysaml2_sp.py").toAbsolutePath();

    /** What the driver printed and how it ended. */
    record Result(int exit, String stdout, String stderr) {
        JsonNode json() {
            try {
                return Http.JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("the driver printed no JSON (exit " + exit + "):\n" + stdout + "\n" + stderr, e);
            }
        }
    }

    /** The SP's metadata XML, as pysaml2 writes it. */
    String metadata() {
        return ok("metadata").stdout();
    }

    /** A signed AuthnRequest: {@code {"id", "url"}} (redirect) or {@code {"id", "action", "SAMLRequest", "RelayState"}}. */
    JsonNode authnRequest(String binding, String relayState) {
        return ok("authn-request", "--binding", binding, "--relay-state", relayState).json();
    }

    /** pysaml2's view of a Response it accepted; the test fails with pysaml2's reason when it refuses it. */
    JsonNode response(String samlResponse, String requestId) {
        return ok("response", "--saml-response", samlResponse, "--request-id", requestId).json();
    }

    /** pysaml2's view of an unsolicited (IdP-initiated) Response it accepted: no request to answer. */
    JsonNode unsolicited(String samlResponse) {
        return ok("response", "--saml-response", samlResponse).json();
    }

    /**
     * A signed LogoutRequest to Arbor's SingleLogoutService for the session this SP was told of in
     * {@code accepted} (what {@link #response} returned: NameID with its qualifiers, SessionIndex).
     */
    JsonNode logoutRequest(String binding, JsonNode accepted, String relayState) {
        var arguments = new ArrayList<>(List.of("--binding", binding, "--relay-state", relayState,
                "--name-id", accepted.get("name_id").asText(), "--name-id-format", accepted.get("name_id_format").asText(),
                "--session-index", accepted.get("session_index").asText()));
        for (String qualifier : List.of("name_qualifier", "sp_name_qualifier")) {
            if (accepted.hasNonNull(qualifier)) {
                arguments.addAll(List.of("--" + qualifier.replace('_', '-'), accepted.get(qualifier).asText()));
            }
        }
        return ok("logout-request", arguments.toArray(String[]::new)).json();
    }

    /** Runs a subcommand and requires exit 0; otherwise fails with everything the driver said. */
    Result ok(String command, String... arguments) {
        Result result = run(command, arguments);
        assertEquals(0, result.exit(), () -> "pysaml2_sp.py " + command + " failed (exit " + result.exit() + "):\n"
                + result.stdout() + "\n" + result.stderr());
        return result;
    }

    /** Runs a subcommand with this SP's options; exit 2 means pysaml2 refused the message. */
    Result run(String command, String... arguments) {
        var line = new ArrayList<>(List.of(PYTHON, DRIVER.toString(), command, "--dir", dir.toString(),
                "--entity-id", entityId, "--acs", acs, "--slo", slo));
        if (!command.equals("metadata")) {
            line.addAll(List.of("--idp-metadata", idpMetadata.toString()));
        }
        line.addAll(List.of(arguments));
        return exec(line, 60);
    }

    /** Runs a program, failing loudly when it cannot start or hangs. */
    static Result exec(List<String> command, int seconds) {
        try {
            Path out = Files.createTempFile("pysaml2-", ".out");
            Path err = Files.createTempFile("pysaml2-", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(1) + " took longer than " + seconds + "s");
            }
            var result = new Result(process.exitValue(), Files.readString(out),
                    Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
