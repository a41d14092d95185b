package dev.arbor.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersTest {

    @ParameterizedTest
    @CsvSource({
        "text/html,                          true",
        "text/html;charset=UTF-8,            true",
        "TEXT/HTML; charset=utf-8,           true",
        "text/javascript;charset=UTF-8,      false",
        "application/json,                   false",
        "'',                                 false",
    })
    void isHtmlWhenContentTypeGivenThenOnlyHtmlDocuments(String contentType, boolean html) {
        assertEquals(html, SecurityHeaders.isHtml(contentType));
    }

    @org.junit.jupiter.api.Test
    void isHtmlWhenNoContentTypeThenFalse() {
        assertEquals(false, SecurityHeaders.isHtml(null));
    }
}
