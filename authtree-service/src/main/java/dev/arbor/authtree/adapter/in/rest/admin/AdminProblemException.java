package dev.arbor.authtree.adapter.in.rest.admin;

import java.util.List;

/** An admin API refusal that is already an RFC 9457 problem; {@code wwwAuthenticate} is set on 401/403. */
final class AdminProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;
    private final List<String> problems;
    private final String wwwAuthenticate;

    AdminProblemException(int status, String title, String detail, List<String> problems, String wwwAuthenticate) {
        super(title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.problems = problems;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    static AdminProblemException of(int status, String title, String detail) {
        return new AdminProblemException(status, title, detail, null, null);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }

    List<String> problems() {
        return problems;
    }

    String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
