package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.script.ScriptCall;
import dev.arbor.authtree.domain.script.ScriptVerdict;

/** Runs a user script in script-runner's sandbox. */
public interface ScriptRunnerGateway {
    /**
     * @throws dev.arbor.authtree.node.DependencyUnavailableException when script-runner did not answer in time
     *         or refused the call: the journey must fail closed
     */
    ScriptVerdict execute(ScriptCall call);
}
