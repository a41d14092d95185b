package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void helmLintStrictPassesOnTheChart() {
        // When
        LintResult result = ArborChart.helm().lint().strict().call();

        // Then
        assertFalse(result.isFailed(), () -> "helm lint --strict: " + result.getMessages());
    }
}
